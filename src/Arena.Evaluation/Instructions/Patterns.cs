using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// How the instructions' regexes run: IFEval's own patterns in .NET's backtracking engine, which finds the same
/// matches as Python's <c>re</c>, each search under a time limit so that no reply can stall a scoring run (a search
/// past it throws <see cref="RegexMatchTimeoutException"/>). The three patterns that are quadratic on replies a
/// looping model really sends (bullets across blank lines, unclosed "[" and "&lt;&lt;" runs) are counted by hand
/// instead. .NET's non-backtracking engine would be linear but does not always find the same matches (it skipped a
/// "***" divider on a generated reply), so it is not used.
/// </summary>
internal static class Patterns
{
    public const int TimeoutMilliseconds = 2000;

    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    /// <summary>
    /// The text <paramref name="literal"/> anywhere, ignoring case (IFEval's <c>re.IGNORECASE</c>). IFEval pastes the
    /// kwarg into its pattern unescaped; it is escaped here, the same for the plain words IFEval's data holds, and a
    /// keyword like "C++" is then text rather than a broken pattern.
    /// </summary>
    public static Regex Literal(string literal, string before = "", string after = "") =>
        new(before + Regex.Escape(literal) + after, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
}
