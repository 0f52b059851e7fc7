namespace Arena.Engine.Tokenization;

/// <summary>
/// A tokenizer.json's ids both ways: the model's vocabulary plus its added tokens (which win over a vocabulary entry
/// of the same text), which ids are special, and the matcher that cuts added tokens out of a text. Shared by the
/// byte-level and the SentencePiece-style BPE models, which differ only in how they merge the text between.
/// </summary>
internal sealed class TokenTable
{
    private readonly Dictionary<string, int> _addedByContent = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _tokens = [];
    private readonly HashSet<int> _special = [];

    public TokenTable(IReadOnlyDictionary<string, int> vocab, IEnumerable<AddedToken> addedTokens)
    {
        Vocab = new Dictionary<string, int>(vocab, StringComparer.Ordinal);
        AddedTokens = addedTokens.ToArray();
        Matcher = new AddedTokenMatcher(AddedTokens);
        foreach ((string token, int id) in Vocab)
        {
            _tokens[id] = token;
        }

        foreach (AddedToken added in AddedTokens)
        {
            _addedByContent[added.Content] = added.Id;
            _tokens[added.Id] = added.Content;
            if (added.Special)
            {
                _special.Add(added.Id);
            }
        }

        VocabSize = _tokens.Count == 0 ? 0 : _tokens.Keys.Max() + 1;
    }

    public Dictionary<string, int> Vocab { get; }

    public IReadOnlyList<AddedToken> AddedTokens { get; }

    public AddedTokenMatcher Matcher { get; }

    /// <summary>One past the largest id, vocabulary and added tokens together.</summary>
    public int VocabSize { get; }

    public bool IsSpecial(int id) => _special.Contains(id);

    public int? TokenToId(string token) =>
        _addedByContent.TryGetValue(token, out int added) ? added
        : Vocab.TryGetValue(token, out int id) ? id
        : null;

    public string? IdToToken(int id) => _tokens.GetValueOrDefault(id);
}
