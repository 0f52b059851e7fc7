using System.Globalization;
using System.Text.RegularExpressions;

namespace Arena.Evaluation.Checks;

/// <summary>
/// The reply's answer is a number within <paramref name="tolerance"/> of <paramref name="value"/>. The answer is
/// the number after the last <c>####</c> when there is one (GSM8K's format), otherwise the last number in the reply;
/// thousands separators and a leading currency sign are allowed ("$1,250.50").
/// </summary>
public sealed partial class NumericCheck(double value, double tolerance) : ICheck
{
    public const string KindName = "numeric";

    public string Kind => KindName;

    public string Name => $"numeric {value.ToString(CultureInfo.InvariantCulture)}";

    public CheckResult Check(string response)
    {
        var answer = Answer(response);
        return CheckResult.Of(Kind, Name, answer is { } a && Math.Abs(a - value) <= tolerance);
    }

    /// <summary>The number a reply gives as its answer, or null when it gives none.</summary>
    public static double? Answer(string response)
    {
        var marker = response.LastIndexOf("####", StringComparison.Ordinal);
        var text = marker >= 0 ? response[(marker + 4)..] : response;
        var matches = Number().Matches(text);
        if (matches.Count == 0) return null;
        // After "####" the first number is the answer; without it, the last one is.
        var match = marker >= 0 ? matches[0] : matches[^1];
        var digits = match.Value.Replace(",", "");
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    // A sign, digits with optional thousands commas, optional decimals: "-1,234.5", "42", ".5" is read as "5".
    [GeneratedRegex(@"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
