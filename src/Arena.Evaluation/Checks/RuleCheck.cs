namespace Arena.Evaluation.Checks;

/// <summary>A named behavior checker from a rule book, e.g. <c>persona/pirate</c>.</summary>
public sealed class RuleCheck(string rule, Func<string, bool> follows) : ICheck
{
    public const string KindName = "rule";

    public string Kind => KindName;

    public string Name => rule;

    public CheckResult Check(string response) => CheckResult.Of(Kind, Name, follows(response));
}
