using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary><c>detectable_format:title</c>: a non-blank title in double angular brackets, <c>&lt;&lt;like this&gt;&gt;</c>, on one line.</summary>
internal sealed partial class Title : IInstruction
{
    public const string Name = "detectable_format:title";

    public string Id => Name;

    public bool Follows(string response) =>
        TitlePattern().Matches(response).Any(m => PythonText.Strip(m.Value.TrimStart('<').TrimEnd('>')).Length > 0);

    [GeneratedRegex(@"<<[^\n]+>>")]
    private static partial Regex TitlePattern();
}
