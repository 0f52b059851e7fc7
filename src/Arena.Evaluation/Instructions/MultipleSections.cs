using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>detectable_format:multiple_sections</c>: at least <c>num_sections</c> sections, each begun by
/// <c>section_spliter</c> and a number ("Section 1", "SECTION 2"), case as written. As in IFEval the marker may sit
/// anywhere, not only at a line's start.
/// </summary>
internal sealed class MultipleSections(string splitter, int sections) : IInstruction
{
    public const string Name = "detectable_format:multiple_sections";

    private readonly Regex marker = new(@"\s?" + Regex.Escape(PythonText.Strip(splitter)) + @"\s?\d+\s?",
        RegexOptions.None, Patterns.Timeout);

    public string Id => Name;

    // IFEval counts the pieces of re.split minus one, which is the number of markers.
    public bool Follows(string response) => marker.Split(response).Length - 1 >= sections;
}
