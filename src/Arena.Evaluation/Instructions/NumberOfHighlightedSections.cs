using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>detectable_format:number_highlighted_sections</c>: at least <c>num_highlights</c> non-blank highlights,
/// <c>*x*</c> or <c>**x**</c> within one line. "**x**" counts once: the single-asterisk pattern sees only the empty
/// "**" pairs in it, which are blank.
/// </summary>
internal sealed partial class NumberOfHighlightedSections(int highlights) : IInstruction
{
    public const string Name = "detectable_format:number_highlighted_sections";

    public string Id => Name;

    public bool Follows(string response)
    {
        var single = Single().Matches(response).Count(m => PythonText.Strip(m.Value.Trim('*')).Length > 0);
        var bold = Double().Matches(response).Count(m => PythonText.Strip(m.Value[2..^2]).Length > 0);
        return single + bold >= highlights;
    }

    [GeneratedRegex(@"\*[^\n\*]*\*", RegexOptions.None, Patterns.TimeoutMilliseconds)]
    private static partial Regex Single();

    [GeneratedRegex(@"\*\*[^\n\*]*\*\*", RegexOptions.None, Patterns.TimeoutMilliseconds)]
    private static partial Regex Double();
}
