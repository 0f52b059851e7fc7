using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Arena.Engine.Tokenization;

/// <summary>
/// A SentencePiece tokenizer.model (Llama-2, Mistral) through Microsoft.ML.Tokenizers. We cut added tokens
/// (&lt;s&gt;, [INST] control pieces, config-added ones) out of the text ourselves, like HF's legacy Llama
/// tokenizer, so each text segment gets SentencePiece's "▁" prefix and chat markers stay single ids.
/// </summary>
internal sealed partial class SentencePieceModel : ITokenModel
{
    private const char SpaceMarker = '\u2581'; // "▁", how SentencePiece writes a space inside pieces

    private readonly SentencePieceTokenizer _sp;
    private readonly AddedTokenMatcher _matcher;
    private readonly Dictionary<string, int> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _tokens = [];
    private readonly HashSet<int> _special = [];
    private readonly byte[][] _bytes;

    private SentencePieceModel(SentencePieceTokenizer sp, IEnumerable<AddedToken> configured)
    {
        _sp = sp;
        foreach ((string piece, int id) in sp.Vocabulary)
        {
            _byToken[piece] = id;
            _tokens[id] = piece;
        }

        // The model's own control pieces are special whatever the config says.
        var added = new Dictionary<string, AddedToken>(StringComparer.Ordinal)
        {
            [sp.UnknownToken] = new AddedToken(sp.UnknownId, sp.UnknownToken),
            [sp.BeginningOfSentenceToken] = new AddedToken(sp.BeginningOfSentenceId, sp.BeginningOfSentenceToken),
            [sp.EndOfSentenceToken] = new AddedToken(sp.EndOfSentenceId, sp.EndOfSentenceToken),
        };
        foreach (AddedToken token in configured)
        {
            added[token.Content] = token;
        }

        AddedTokens = added.Values.OrderBy(t => t.Id).ToArray();
        foreach (AddedToken token in AddedTokens)
        {
            _byToken[token.Content] = token.Id;
            _tokens[token.Id] = token.Content;
            if (token.Special)
            {
                _special.Add(token.Id);
            }
        }

        _matcher = new AddedTokenMatcher(AddedTokens);
        VocabSize = _tokens.Keys.Max() + 1;
        _bytes = BuildByteTable();
    }

    public string Kind => "SentencePiece";

    public int VocabSize { get; }

    public IReadOnlyList<AddedToken> AddedTokens { get; }

    public bool StripsLeadingSpace => _sp.AddDummyPrefix;

    public int? DefaultBosId => _sp.BeginningOfSentenceId;

    public int? DefaultEosId => _sp.EndOfSentenceId;

    /// <exception cref="TokenizerException">The file is not a SentencePiece model protobuf.</exception>
    public static SentencePieceModel Load(string path, IEnumerable<AddedToken> configured)
    {
        SentencePieceTokenizer sp;
        try
        {
            using FileStream stream = File.OpenRead(path);
            sp = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The protobuf reader throws InvalidProtocolBufferException, or NullReferenceException on an empty file.
            throw new TokenizerException(path, $"not a readable SentencePiece model ({ex.Message})", ex);
        }

        if (sp.Vocabulary.Count == 0)
        {
            throw new TokenizerException(path, "SentencePiece model has no pieces");
        }

        return new SentencePieceModel(sp, configured);
    }

    public void Encode(string text, List<int> ids)
    {
        var segments = new List<TextSegment>();
        _matcher.Split(text, segments);
        foreach (TextSegment segment in segments)
        {
            if (segment.Token is not null)
            {
                ids.Add(segment.Token.Id);
            }
            else
            {
                ids.AddRange(_sp.EncodeToIds(segment.Text, addBeginningOfSentence: false, addEndOfSentence: false));
            }
        }
    }

    public ReadOnlySpan<byte> TokenBytes(int id) =>
        (uint)id < (uint)_bytes.Length ? _bytes[id] : [];

    public bool IsSpecial(int id) => _special.Contains(id);

    public int? TokenToId(string token) => _byToken.TryGetValue(token, out int id) ? id : null;

    public string? IdToToken(int id) => _tokens.GetValueOrDefault(id);

    private byte[][] BuildByteTable()
    {
        var table = new byte[VocabSize][];
        Array.Fill(table, []);
        foreach ((int id, string piece) in _tokens)
        {
            Match hex = BytePiece().Match(piece);
            table[id] = _sp.ByteFallback && hex.Success && !_special.Contains(id)
                ? [Convert.ToByte(hex.Groups[1].Value, 16)]
                : Encoding.UTF8.GetBytes(_special.Contains(id) ? piece : piece.Replace(SpaceMarker, ' '));
        }

        return table;
    }

    // Byte-fallback pieces are written "<0xE4>".
    [GeneratedRegex("^<0x([0-9A-Fa-f]{2})>$")]
    private static partial Regex BytePiece();
}
