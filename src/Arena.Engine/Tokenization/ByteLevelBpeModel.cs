using System.Text;
using Microsoft.ML.Tokenizers;

namespace Arena.Engine.Tokenization;

/// <summary>How a byte-level BPE turns text into pieces before merging (the tokenizer.json pipeline).</summary>
internal sealed record ByteLevelPipeline(
    Func<string, string>? Normalizer,
    IReadOnlyList<PreTokenizeStep> PreTokenizer,
    bool IgnoreMerges)
{
    /// <summary>A plain ByteLevel pre-tokenizer with the given split (GPT-2's by default).</summary>
    public static ByteLevelPipeline Default(string? pattern = null) =>
        new(null, [new RegexSplitStep(new CodePointRegex(ByteLevelPatterns.ToRegex(pattern ?? ByteLevelPatterns.Gpt2)), false)], false);
}

/// <summary>
/// GPT-2 / Llama-3 / Qwen2 style BPE over UTF-8 bytes. We do the Hugging Face pipeline around the merges
/// (added tokens, normalizer, pre-tokenizer, ignore_merges) and let Microsoft.ML.Tokenizers' BpeTokenizer, in
/// ByteLevel mode, merge each piece by rank.
/// </summary>
internal sealed class ByteLevelBpeModel : ITokenModel
{
    private readonly BpeTokenizer _bpe;
    private readonly ByteLevelPipeline _pipeline;
    private readonly TokenTable _table;
    private readonly Dictionary<string, int> _vocab;
    private readonly byte[][] _bytes;

    /// <exception cref="ArgumentException">Merges name tokens missing from the vocabulary, or ids repeat.</exception>
    public ByteLevelBpeModel(
        IReadOnlyDictionary<string, int> vocab,
        IEnumerable<(string Left, string Right)> merges,
        IEnumerable<AddedToken> addedTokens,
        ByteLevelPipeline pipeline)
    {
        _table = new TokenTable(vocab, addedTokens);
        _vocab = _table.Vocab;
        _pipeline = pipeline;
        _bpe = CreateBpe(_vocab, merges);
        _bytes = BuildByteTable();
    }

    public string Kind => "byte-level BPE";

    public int VocabSize => _table.VocabSize;

    public IReadOnlyList<AddedToken> AddedTokens => _table.AddedTokens;

    public bool StripsLeadingSpace => false;

    public int? DefaultBosId => null;

    public int? DefaultEosId => null;

    public void Encode(string text, List<int> ids)
    {
        var segments = new List<TextSegment>();
        _table.Matcher.Split(text, segments);
        foreach (TextSegment segment in segments)
        {
            if (segment.Token is not null)
            {
                ids.Add(segment.Token.Id);
                continue;
            }

            string normalized = _pipeline.Normalizer?.Invoke(segment.Text) ?? segment.Text;
            foreach (string piece in PreTokenizeStep.Run(_pipeline.PreTokenizer, normalized))
            {
                EncodePiece(piece, ids);
            }
        }
    }

    public ReadOnlySpan<byte> TokenBytes(int id) =>
        (uint)id < (uint)_bytes.Length ? _bytes[id] : [];

    public bool IsSpecial(int id) => _table.IsSpecial(id);

    public int? TokenToId(string token) => _table.TokenToId(token);

    public string? IdToToken(int id) => _table.IdToToken(id);

    private void EncodePiece(string piece, List<int> ids)
    {
        // ignore_merges (Llama-3): a piece that is itself a vocabulary entry is taken whole, merges or not.
        if (_pipeline.IgnoreMerges && _vocab.TryGetValue(ByteLevelAlphabet.EncodeText(piece), out int whole))
        {
            ids.Add(whole);
            return;
        }

        ids.AddRange(_bpe.EncodeToIds(piece, considerPreTokenization: false, considerNormalization: false));
    }

    private byte[][] BuildByteTable()
    {
        var table = new byte[VocabSize][];
        Array.Fill(table, []);
        foreach ((string token, int id) in _vocab)
        {
            // HF's ByteLevel decoder keeps a token's own UTF-8 when it holds characters outside the alphabet.
            table[id] = ByteLevelAlphabet.TryDecode(token, out byte[] raw) ? raw : Encoding.UTF8.GetBytes(token);
        }

        foreach (AddedToken added in AddedTokens)
        {
            table[added.Id] = Encoding.UTF8.GetBytes(added.Content);
        }

        return table;
    }

    private static BpeTokenizer CreateBpe(Dictionary<string, int> vocab, IEnumerable<(string Left, string Right)> merges)
    {
        var mergeLines = new List<string>();
        foreach ((string left, string right) in merges)
        {
            // The library reads "left right" and splits at the space; byte-level tokens never hold a raw space.
            if (left.Contains(' ') || right.Contains(' '))
            {
                throw new ArgumentException($"merge '{left}' + '{right}' contains a space, which byte-level BPE never has");
            }

            mergeLines.Add($"{left} {right}");
        }

        try
        {
            return BpeTokenizer.Create(new BpeOptions(vocab) { Merges = mergeLines, ByteLevel = true });
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }
}
