using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary><c>keywords:existence</c>: every keyword appears somewhere, any case, even inside a longer word.</summary>
internal sealed class KeywordExistence(IReadOnlyList<string> keywords) : IInstruction
{
    public const string Name = "keywords:existence";

    private readonly Regex[] patterns = keywords.Select(k => Patterns.Literal(k)).ToArray();

    public string Id => Name;

    public bool Follows(string response) => patterns.All(p => p.IsMatch(response));
}
