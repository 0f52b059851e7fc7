using System.Text.RegularExpressions;

namespace Arena.Evaluation.Checks;

/// <summary>
/// The reply matches (or, with <c>"match": false</c>, does not match) a regular expression. Every match runs under
/// a time limit: a pattern that backtracks catastrophically on one reply fails that item with an error instead of
/// holding the evaluation.
/// </summary>
public sealed class RegexCheck(Regex regex, bool mustMatch) : ICheck
{
    public const string KindName = "regex";

    /// <summary>How long one match may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    public string Kind => KindName;

    public string Name => $"{(mustMatch ? "matches" : "does not match")} /{regex}/";

    /// <summary>Compiles <paramref name="pattern"/>; a pattern .NET cannot parse is a <see cref="SuiteException"/>.</summary>
    public static RegexCheck Create(string pattern, bool ignoreCase, bool mustMatch)
    {
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new RegexCheck(new Regex(pattern, options, Timeout), mustMatch);
        }
        catch (ArgumentException e)
        {
            throw new SuiteException($"regex /{pattern}/ is not a valid pattern ({e.Message})");
        }
    }

    public CheckResult Check(string response)
    {
        try
        {
            return CheckResult.Of(Kind, Name, regex.IsMatch(response) == mustMatch);
        }
        catch (RegexMatchTimeoutException)
        {
            return CheckResult.Failed(Kind, Name, $"the pattern took longer than {Timeout.TotalMilliseconds:0} ms on this reply");
        }
    }
}
