using System.Globalization;
using System.Text;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// The few Python string methods IFEval's checks lean on, with Python's meaning rather than .NET's nearest one:
/// <c>isupper</c> and <c>islower</c> need a cased letter and fail on a titlecase letter, and <c>strip</c> and
/// <c>split</c> also treat the separators U+001C..U+001F as white space.
/// </summary>
internal static class PythonText
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary>Python's <c>str.strip()</c>.</summary>
    public static string Strip(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return text[start..end];
    }

    /// <summary>Python's <c>str.split()</c> with no separator: runs of white space, no empty pieces.</summary>
    public static string[] SplitOnSpace(string text) =>
        text.Split(text.Where(IsSpace).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Python's <c>str.lower()</c> (invariant culture, as Python does not know locales).</summary>
    public static string Lower(string text) => text.ToLowerInvariant();

    /// <summary>Python's <c>str.isupper()</c>: at least one cased letter and none lowercase or titlecase.</summary>
    public static bool IsUpper(string text) => HasOnlyCase(text, UnicodeCategory.UppercaseLetter);

    /// <summary>Python's <c>str.islower()</c>: at least one cased letter and none uppercase or titlecase.</summary>
    public static bool IsLower(string text) => HasOnlyCase(text, UnicodeCategory.LowercaseLetter);

    private static bool HasOnlyCase(string text, UnicodeCategory wanted)
    {
        var cased = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter)) continue;
            if (category != wanted) return false;
            cased = true;
        }
        return cased;
    }
}
