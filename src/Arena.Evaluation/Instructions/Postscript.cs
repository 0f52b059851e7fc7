using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>detectable_content:postscript</c>: the reply holds a postscript starting with <c>postscript_marker</c>, in any
/// case. As in IFEval the marker may sit anywhere in a line, and the two common markers allow spaces: "P.S." also
/// matches "p. s.", "P.P.S" also "P. P. S".
/// </summary>
internal sealed class Postscript(string marker) : IInstruction
{
    public const string Name = "detectable_content:postscript";

    private readonly Regex pattern = PatternFor(PythonText.Strip(marker));

    public string Id => Name;

    public bool Follows(string response) => pattern.IsMatch(PythonText.Lower(response));

    private static Regex PatternFor(string marker) => marker switch
    {
        "P.P.S" => new Regex(@"\s*p\.\s?p\.\s?s.*$", RegexOptions.Multiline, Patterns.Timeout),
        "P.S." => new Regex(@"\s*p\.\s?s\..*$", RegexOptions.Multiline, Patterns.Timeout),
        _ => new Regex(@"\s*" + Regex.Escape(PythonText.Lower(marker)) + ".*$", RegexOptions.Multiline, Patterns.Timeout),
    };
}
