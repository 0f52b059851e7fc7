using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary><c>keywords:forbidden_words</c>: none of the words appears as a whole word, in any case.</summary>
internal sealed class ForbiddenWords(IReadOnlyList<string> words) : IInstruction
{
    public const string Name = "keywords:forbidden_words";

    private readonly Regex[] patterns = words.Distinct().Select(w => Patterns.Literal(w, @"\b", @"\b")).ToArray();

    public string Id => Name;

    public bool Follows(string response) => !patterns.Any(p => p.IsMatch(response));
}
