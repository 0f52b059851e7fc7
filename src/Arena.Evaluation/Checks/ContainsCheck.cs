namespace Arena.Evaluation.Checks;

/// <summary>
/// The reply contains text: <c>contains</c> every value, <c>any_of</c> at least one, <c>none_of</c> none.
/// Plain substring matching (case-insensitive unless asked), so "cat" is found in "cats" as a reader would expect
/// of "mention cats"; a check that needs word boundaries is a regex.
/// </summary>
public sealed class ContainsCheck(string kind, IReadOnlyList<string> values, bool caseSensitive) : ICheck
{
    public const string All = "contains";
    public const string Any = "any_of";
    public const string None = "none_of";

    public string Kind => kind;

    public string Name => $"{kind} {string.Join(", ", values.Select(TextMatch.Quote))}";

    public CheckResult Check(string response)
    {
        var comparison = TextMatch.Comparison(caseSensitive);
        bool Found(string v) => response.Contains(v, comparison);
        var passed = kind switch
        {
            All => values.All(Found),
            Any => values.Any(Found),
            None => !values.Any(Found),
            _ => throw new InvalidOperationException($"not a contains kind: {kind}"),
        };
        return CheckResult.Of(Kind, Name, passed);
    }
}
