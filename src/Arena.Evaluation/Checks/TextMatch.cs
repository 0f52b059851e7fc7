namespace Arena.Evaluation.Checks;

/// <summary>How the text checks compare strings: case-insensitively unless a check asks for case.</summary>
internal static class TextMatch
{
    public static StringComparison Comparison(bool caseSensitive) =>
        caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public static string Quote(string s) => s.Length <= 40 ? $"\"{s}\"" : $"\"{s[..37]}...\"";
}
