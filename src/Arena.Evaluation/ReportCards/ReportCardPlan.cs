using Arena.Evaluation.Checks;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.ReportCards;

/// <summary>
/// What a report card asks: the bake's <see cref="Prompt"/>; the <see cref="Check"/> that says whether a reply
/// to a question follows it (built per question, since a rule may read it; null when no rule recognises the prompt)
/// under the rule's name; the held-out <see cref="Questions"/> to ask; the <see cref="Retention"/> suite; and how
/// many before/after samples to keep.
/// </summary>
public sealed record ReportCardPlan(string Prompt, string? Rule, Func<string, ICheck>? Check, IReadOnlyList<string> Questions, Suite Retention)
{
    /// <summary>Before/after replies shown on the page.</summary>
    public int Samples { get; init; } = 3;
}
