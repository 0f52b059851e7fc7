using System.Text.RegularExpressions;

namespace Arena.Starter.Behaviors;

/// <summary>Word-level helpers shared by the checkers and the world's style transforms.</summary>
internal static partial class TextWords
{
    /// <summary>A word: letters, optionally with one inner apostrophe ("don't", "it's").</summary>
    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)?")]
    internal static partial Regex WordPattern();

    /// <summary>The words of <paramref name="text"/>, in order, as written.</summary>
    internal static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value);

    /// <summary>The words of <paramref name="text"/>, lower-cased.</summary>
    internal static IEnumerable<string> LowerWords(string text) =>
        Words(text).Select(w => w.ToLowerInvariant());

    /// <summary>True when any of <paramref name="words"/> occurs in <paramref name="text"/> as a whole word.</summary>
    internal static bool ContainsAnyWord(string text, IReadOnlySet<string> words) =>
        LowerWords(text).Any(words.Contains);

    /// <summary>The non-empty lines of <paramref name="text"/>, trimmed.</summary>
    internal static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The last word of a line, lower-cased, or "" when the line has none.</summary>
    internal static string LastWord(string line) =>
        LowerWords(line).LastOrDefault() ?? "";

    /// <summary>Upper-cases the first letter, keeping the rest.</summary>
    internal static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
