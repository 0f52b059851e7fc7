namespace Arena.Starter.Tokenizer;

/// <summary>
/// A trained byte-level BPE: <paramref name="Tokens"/> in id order (ids 0–255 are the byte symbols, in byte
/// order; then one token per learned merge; then the special tokens), the merges in priority order, and the
/// special tokens.
/// </summary>
public sealed record BpeModel(
    IReadOnlyList<string> Tokens,
    IReadOnlyList<(string Left, string Right)> Merges,
    IReadOnlyList<string> SpecialTokens)
{
    /// <summary>Token → id, special tokens included.</summary>
    public IReadOnlyDictionary<string, int> Vocab { get; } =
        Tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

    /// <summary>The id of a token (special tokens included); throws when absent.</summary>
    public int Id(string token) => Vocab[token];
}
