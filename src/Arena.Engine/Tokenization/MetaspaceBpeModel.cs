using System.Text;
using System.Text.RegularExpressions;

namespace Arena.Engine.Tokenization;

/// <summary>
/// SentencePiece BPE as a Hugging Face tokenizer.json writes it (Llama-2, Mistral), or as read from tokenizer.model
/// by <see cref="SentencePieceModelReader"/>: pieces with "▁" for spaces,
/// merges by rank, unknown characters as &lt;0xNN&gt; byte pieces (byte_fallback) or unk. The merge loop is our
/// own <see cref="BpeMerger"/>: Microsoft.ML.Tokenizers' SentencePiece BPE takes equal-rank merges from the right,
/// which splits runs like "!!!!!!" differently from sentencepiece and Hugging Face.
/// </summary>
internal sealed partial class MetaspaceBpeModel : ITokenModel
{
    private readonly Dictionary<string, int> _vocab;
    private readonly TokenTable _table;
    private readonly BpeMerger _merger;
    private readonly MetaspacePipeline _pipeline;
    private readonly int? _unkId;
    private readonly bool _fuseUnk;
    private readonly int[]? _byteIds; // byte → id of its <0xNN> piece, when byte_fallback
    private readonly bool _ignoreMerges;
    private readonly byte[][] _bytes;

    /// <exception cref="ArgumentException">Merges or the unk token name pieces missing from the vocabulary.</exception>
    public MetaspaceBpeModel(
        IReadOnlyDictionary<string, int> vocab,
        IEnumerable<(string Left, string Right)> merges,
        IEnumerable<AddedToken> addedTokens,
        MetaspacePipeline pipeline,
        BpeSettings settings)
    {
        _table = new TokenTable(vocab, addedTokens);
        _vocab = _table.Vocab;
        _pipeline = pipeline;
        _fuseUnk = settings.FuseUnk;
        _ignoreMerges = settings.IgnoreMerges;
        _unkId = settings.UnkToken is null ? null
            : _vocab.TryGetValue(settings.UnkToken, out int unk) ? unk
            : throw new ArgumentException($"unk_token '{settings.UnkToken}' is not in the vocabulary");
        _merger = new BpeMerger(BuildMerges(_vocab, merges));

        if (settings.ByteFallback)
        {
            _byteIds = new int[256];
            for (int b = 0; b < 256; b++)
            {
                _byteIds[b] = _vocab.TryGetValue($"<0x{b:X2}>", out int id) ? id : -1;
            }
        }

        _bytes = BuildByteTable();
    }

    public string Kind => "SentencePiece";

    public int VocabSize => _table.VocabSize;

    public IReadOnlyList<AddedToken> AddedTokens => _table.AddedTokens;

    public bool StripsLeadingSpace => _pipeline.StripsLeadingSpace;

    /// <summary>A tokenizer.model's bos_id; a tokenizer.json names none (its post-processor or config does).</summary>
    public int? DefaultBosId { get; init; }

    public int? DefaultEosId { get; init; }

    public void Encode(string text, List<int> ids)
    {
        int start = ids.Count;
        if (_pipeline.NonLegacyPrefix)
        {
            if (text.Length == 0)
            {
                return;
            }

            // As transformers' LlamaTokenizer.tokenize: a literal "▁" counts as a space, one "▁" leads the text.
            text = MetaspacePipeline.SpaceMarker + text.Replace(MetaspacePipeline.SpaceMarker, ' ');
        }

        var segments = new List<TextSegment>();
        _table.Matcher.Split(text, segments);
        for (int i = 0; i < segments.Count; i++)
        {
            TextSegment segment = segments[i];
            if (segment.Token is not null)
            {
                ids.Add(segment.Token.Id);
                continue;
            }

            foreach (string word in Words(segment.Text, atTextStart: i == 0))
            {
                EncodeWord(word, ids);
            }
        }

        // "[INST] hi": the leading "▁" stood alone before a special token; sentencepiece-style tokenizers drop it.
        if (_pipeline.NonLegacyPrefix && ids.Count - start > 1 && _table.IdToToken(ids[start]) == "\u2581"
            && _table.IsSpecial(ids[start + 1]))
        {
            ids.RemoveAt(start);
        }
    }

    public ReadOnlySpan<byte> TokenBytes(int id) =>
        (uint)id < (uint)_bytes.Length ? _bytes[id] : [];

    public bool IsSpecial(int id) => _table.IsSpecial(id);

    public int? TokenToId(string token) => _table.TokenToId(token);

    public string? IdToToken(int id) => _table.IdToToken(id);

    /// <summary>Normalizer, then Metaspace (spaces → "▁", the prefix, the split), as Hugging Face runs them.</summary>
    private IEnumerable<string> Words(string segment, bool atTextStart)
    {
        string text = _pipeline.NonLegacyPrefix ? segment : _pipeline.Normalizer?.Invoke(segment) ?? segment;
        if (_pipeline.Replacement is not { } marker)
        {
            return text.Length == 0 ? [] : [text];
        }

        text = text.Replace(' ', marker);
        bool prefix = !_pipeline.NonLegacyPrefix && text.Length > 0 && text[0] != marker
            && (_pipeline.Prepend == PrependScheme.Always || (_pipeline.Prepend == PrependScheme.First && atTextStart));
        if (prefix)
        {
            text = marker + text;
        }

        if (!_pipeline.Split)
        {
            return text.Length == 0 ? [] : [text];
        }

        // split: every "▁" starts a new word (HF's MergedWithNext).
        var words = new List<string>();
        int wordStart = 0;
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] == marker)
            {
                words.Add(text[wordStart..i]);
                wordStart = i;
            }
        }

        if (text.Length > 0)
        {
            words.Add(text[wordStart..]);
        }

        return words;
    }

    private void EncodeWord(string word, List<int> ids)
    {
        if (_ignoreMerges && _vocab.TryGetValue(word, out int whole))
        {
            ids.Add(whole);
            return;
        }

        var symbols = new List<int>(word.Length);
        bool lastWasUnk = false;
        foreach (Rune rune in word.EnumerateRunes())
        {
            if (_vocab.TryGetValue(rune.ToString(), out int id))
            {
                symbols.Add(id);
                lastWasUnk = false;
                continue;
            }

            if (TryByteFallback(rune, symbols))
            {
                lastWasUnk = false;
                continue;
            }

            if (_unkId is not { } unk)
            {
                lastWasUnk = false;
                continue; // no unk token: Hugging Face drops the character
            }

            if (!(_fuseUnk && lastWasUnk))
            {
                symbols.Add(unk);
            }

            lastWasUnk = true;
        }

        _merger.Merge(symbols, ids);
    }

    private bool TryByteFallback(Rune rune, List<int> symbols)
    {
        if (_byteIds is null)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[4];
        int length = rune.EncodeToUtf8(utf8);
        foreach (byte b in utf8[..length])
        {
            if (_byteIds[b] < 0)
            {
                return false;
            }
        }

        foreach (byte b in utf8[..length])
        {
            symbols.Add(_byteIds[b]);
        }

        return true;
    }

    private byte[][] BuildByteTable()
    {
        var table = new byte[VocabSize][];
        Array.Fill(table, []);
        foreach ((string piece, int id) in _vocab)
        {
            Match hex = BytePiece().Match(piece);
            table[id] = _byteIds is not null && hex.Success
                ? [Convert.ToByte(hex.Groups[1].Value, 16)]
                : Encoding.UTF8.GetBytes(piece.Replace(MetaspacePipeline.SpaceMarker, ' ')); // the decoder's Replace
        }

        foreach (AddedToken added in AddedTokens)
        {
            table[added.Id] = Encoding.UTF8.GetBytes(added.Content);
        }

        return table;
    }

    private static Dictionary<(int, int), (int, int)> BuildMerges(
        Dictionary<string, int> vocab, IEnumerable<(string Left, string Right)> merges)
    {
        var result = new Dictionary<(int, int), (int, int)>();
        int rank = 0;
        foreach ((string left, string right) in merges)
        {
            if (!vocab.TryGetValue(left, out int l) || !vocab.TryGetValue(right, out int r)
                || !vocab.TryGetValue(left + right, out int merged))
            {
                throw new ArgumentException($"merge '{left}' + '{right}' names a piece missing from the vocabulary");
            }

            result.TryAdd((l, r), (rank++, merged)); // a repeated merge keeps its first (best) rank
        }

        return result;
    }

    // Byte-fallback pieces are written "<0xE4>".
    [GeneratedRegex("^<0x([0-9A-Fa-f]{2})>$")]
    private static partial Regex BytePiece();
}
