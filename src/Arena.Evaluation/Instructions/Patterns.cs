using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// Regexes built from suite text. IFEval pastes kwargs into patterns unescaped; here they are escaped (the same for
/// the plain words IFEval's data holds) and every search has a time limit, so no reply can stall a scoring run.
/// </summary>
internal static class Patterns
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>The text <paramref name="literal"/> anywhere, ignoring case (IFEval's <c>re.IGNORECASE</c>).</summary>
    public static Regex Literal(string literal, string before = "", string after = "") =>
        new(before + Regex.Escape(literal) + after, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
}
