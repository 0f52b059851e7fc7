using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Runs a pre-tokenizer regex with code-point semantics, as Hugging Face's Oniguruma does.
/// .NET regexes see UTF-16 units, so an emoji or a letter outside the BMP would be two "surrogate" characters
/// that match neither \p{L} nor a one-character class: "😀abc" would split differently than in Python.
/// When the text holds surrogate pairs we run the regex over a shadow string with one stand-in per code point,
/// chosen from the BMP with the same Unicode category, and map the matches back.
/// </summary>
internal sealed class CodePointRegex(Regex regex)
{
    // One BMP character per UnicodeCategory, in enum order; only its category matters to the patterns.
    private const string StandIns =
        "\u03A9\u03C9\u01C5\u02B0\u05D0\u0300\u0903\u20DD\u0663\u2160\u00B2\u2000\u2028\u2029"
        + "\u0001\u200B\uD800\uE000\u203F\u2010\u2045\u2046\u00AB\u00BB\u203B\u2200\u20AC\u02DC\u00A9\u0378";

    /// <summary>Start and length (in UTF-16 units of <paramref name="text"/>) of each non-empty match.</summary>
    public IEnumerable<(int Start, int Length)> Matches(string text)
    {
        if (!HasSurrogatePair(text))
        {
            foreach (Match m in regex.Matches(text))
            {
                if (m.Length > 0)
                {
                    yield return (m.Index, m.Length);
                }
            }

            yield break;
        }

        (string shadow, int[] offsets) = Shadow(text);
        foreach (Match m in regex.Matches(shadow))
        {
            if (m.Length > 0)
            {
                int start = offsets[m.Index];
                yield return (start, offsets[m.Index + m.Length] - start);
            }
        }
    }

    /// <summary>The stand-in for a category; exposed so a test can check each keeps its category.</summary>
    internal static char StandIn(UnicodeCategory category) => StandIns[(int)category];

    private static bool HasSurrogatePair(string text)
    {
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static (string Shadow, int[] Offsets) Shadow(string text)
    {
        var shadow = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length;)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(text[i], text[i + 1]);
                shadow.Append(StandIn(Rune.GetUnicodeCategory(rune)));
                i += 2;
            }
            else
            {
                shadow.Append(text[i]);
                i++;
            }
        }

        offsets.Add(text.Length);
        return (shadow.ToString(), offsets.ToArray());
    }
}
