using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>keywords:frequency</c>: the keyword occurs less than / at least <c>frequency</c> times, counted as IFEval does
/// (any case, non-overlapping, inside longer words too: "cat" counts in "category").
/// </summary>
internal sealed class KeywordFrequency(string keyword, int frequency, Relation relation) : IInstruction
{
    public const string Name = "keywords:frequency";

    private readonly Regex pattern = Patterns.Literal(PythonText.Strip(keyword));

    public string Id => Name;

    public bool Follows(string response) => relation.Holds(pattern.Count(response), frequency);
}
