using System.Text;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Text ↔ token ids for one model, with its special tokens and chat format. Load one with
/// <see cref="TokenizerLoader.Load"/> or build one in memory with <see cref="FromByteLevelBpe"/>.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class TextTokenizer
{
    private readonly ITokenModel _model;
    private readonly SpecialTokenIds _specials;

    internal TextTokenizer(ITokenModel model, SpecialTokenIds specials, ChatFormat chat, bool cleanUpSpaces = false)
    {
        _model = model;
        _specials = specials;
        Chat = chat;
        CleanUpSpaces = cleanUpSpaces;
        StopIds = specials.EosIds
            .Concat(chat.StopStrings.Select(model.TokenToId).OfType<int>())
            .Distinct()
            .ToArray();
    }

    /// <summary>"byte-level BPE" or "SentencePiece".</summary>
    public string Kind => _model.Kind;

    /// <summary>Highest id + 1, added tokens included.</summary>
    public int VocabSize => _model.VocabSize;

    public int? BosId => _specials.BosId;

    public IReadOnlyList<int> EosIds => _specials.EosIds;

    public int? PadId => _specials.PadId;

    /// <summary>Whether this model expects <see cref="BosId"/> in front of a prompt.</summary>
    public bool AddBos => _specials.AddBos;

    public SpecialTokenIds SpecialTokens => _specials;

    public ChatFormat Chat { get; }

    /// <summary>Ids that end generation: the eos ids and the chat format's end-of-turn tokens.</summary>
    public IReadOnlyList<int> StopIds { get; }

    /// <summary>Whether <see cref="Decode"/> applies clean_up_tokenization_spaces (see <see cref="SpaceCleanup"/>).</summary>
    public bool CleanUpSpaces { get; }

    /// <summary>Tokens matched verbatim in text (chat markers, control tokens).</summary>
    public IReadOnlyList<AddedToken> AddedTokens => _model.AddedTokens;

    /// <summary>A byte-level BPE tokenizer straight from its parts (what a BPE trainer produces).</summary>
    /// <param name="vocab">Tokens in <see cref="ByteLevelAlphabet"/> form → id.</param>
    /// <param name="merges">Merge rules by rank, each naming two vocabulary tokens.</param>
    /// <param name="splitPattern">Pre-tokenizer regex; GPT-2's when null (see <see cref="ByteLevelPatterns"/>).</param>
    /// <exception cref="ArgumentException">The merges or ids are inconsistent with the vocabulary.</exception>
    public static TextTokenizer FromByteLevelBpe(
        IReadOnlyDictionary<string, int> vocab,
        IEnumerable<(string Left, string Right)> merges,
        IEnumerable<AddedToken> addedTokens,
        string? splitPattern = null)
    {
        var model = new ByteLevelBpeModel(vocab, merges, addedTokens, ByteLevelPipeline.Default(splitPattern));
        SpecialTokenIds specials = SpecialTokenResolver.Resolve(model, ModelTokenizerConfig.Empty, null, "");
        var tokenizer = new TextTokenizer(model, specials, ChatFormat.Plain);
        return tokenizer.WithChat(ChatFormat.Detect(null, null, tokenizer));
    }

    /// <summary>A copy using another chat format.</summary>
    public TextTokenizer WithChat(ChatFormat chat) => new(_model, _specials, chat, CleanUpSpaces);

    /// <summary>A copy with other bos/eos/pad settings.</summary>
    public TextTokenizer WithSpecialTokens(SpecialTokenIds specials) => new(_model, specials, Chat, CleanUpSpaces);

    /// <summary>Token ids of <paramref name="text"/>; added tokens written in the text become their single ids.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="addBos"/> but the tokenizer has no bos token.</exception>
    public int[] Encode(string text, bool addBos = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 2);
        if (addBos)
        {
            ids.Add(BosId ?? throw new InvalidOperationException("this tokenizer has no bos token"));
        }

        _model.Encode(text, ids);
        return ids.ToArray();
    }

    /// <summary>
    /// Renders the conversation with <see cref="Chat"/> and encodes it. A checkpoint's template writes its own
    /// special tokens (nothing is added, as in Hugging Face); with a built-in format bos is added where the model
    /// wants one and the rendered text does not already start with it (Llama-3 and Llama-2 formats write it).
    /// </summary>
    public int[] EncodeChat(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        string text = Chat.Render(messages, addGenerationPrompt);
        string? bosText = BosId is { } bos ? IdToToken(bos) : null;
        bool bosWritten = bosText is not null && text.StartsWith(bosText, StringComparison.Ordinal);
        return Encode(text, AddBos && !bosWritten && !Chat.WritesSpecialTokens);
    }

    /// <summary>The text of <paramref name="ids"/>; ids outside the vocabulary are ignored, as Hugging Face does.</summary>
    /// <param name="skipSpecial">Leave out special tokens (bos, eos, chat markers).</param>
    public string Decode(IEnumerable<int> ids, bool skipSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        foreach (int id in ids)
        {
            if (!(skipSpecial && IsSpecial(id)))
            {
                bytes.AddRange(_model.TokenBytes(id));
            }
        }

        // Invalid UTF-8 (a sequence cut short, a stray continuation byte) becomes U+FFFD, as in Python's "replace".
        string text = Encoding.UTF8.GetString(bytes.ToArray());
        text = _model.StripsLeadingSpace && text.StartsWith(' ') ? text[1..] : text;
        return CleanUpSpaces ? SpaceCleanup.Apply(text) : text;
    }

    /// <summary>A decoder for ids that arrive one at a time; see <see cref="StreamingDecoder"/>.</summary>
    public StreamingDecoder CreateStreamingDecoder(bool skipSpecial = false) => new(this, skipSpecial);

    public bool IsSpecial(int id) => _model.IsSpecial(id);

    /// <summary>The id of a vocabulary entry or added token, written as in the vocabulary ("Ġthe", "&lt;|im_end|&gt;").</summary>
    public int? TokenToId(string token) => _model.TokenToId(token);

    /// <summary>The vocabulary entry of an id, as written in the vocabulary; null for an unknown id.</summary>
    public string? IdToToken(int id) => _model.IdToToken(id);

    public override string ToString() => $"{Kind} tokenizer, {VocabSize} ids, chat format {Chat.Name}";

    internal ReadOnlySpan<byte> TokenBytes(int id) => _model.TokenBytes(id);

    internal bool StripsLeadingSpace => _model.StripsLeadingSpace;
}
