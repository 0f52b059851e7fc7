using System.Text.RegularExpressions;

namespace Arena.Starter.Tokenizer;

/// <summary>
/// GPT-2's pre-tokenizer: splits text into contraction suffixes, words with their leading space, numbers,
/// punctuation runs and whitespace, so merges never cross those boundaries. Special tokens are cut out first
/// and never split. This is what the ByteLevel pre-tokenizer with use_regex does in tokenizer.json.
/// </summary>
public static partial class Gpt2PreTokenizer
{
    /// <summary>The GPT-2 split pattern.</summary>
    public const string Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    [GeneratedRegex(Pattern)]
    public static partial Regex Regex();

    /// <summary>The pre-tokens of <paramref name="text"/> (which must not contain special tokens).</summary>
    public static IEnumerable<string> Split(string text) => Regex().Matches(text).Select(m => m.Value);

    /// <summary>
    /// The pieces of <paramref name="text"/> between occurrences of <paramref name="specialTokens"/>, which are
    /// dropped: training must not learn merges across or inside them.
    /// </summary>
    public static IEnumerable<string> WithoutSpecialTokens(string text, IReadOnlyList<string> specialTokens) =>
        specialTokens.Count == 0 ? [text] : text.Split([.. specialTokens], StringSplitOptions.RemoveEmptyEntries);
}
