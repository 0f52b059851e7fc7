using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Running;

/// <summary>
/// A suite run under one or more conditions, with what it was measured with. Incomplete when it was cancelled or
/// stopped before every item had a reply under every condition: such a run is kept and shown as incomplete.
/// </summary>
public sealed record EvaluationRun(string Suite, string Hash, string? Prompt, EvaluationSettings Settings, IReadOnlyList<ConditionScore> Scores)
{
    public bool Complete => Scores.All(s => s.Score.Complete);

    /// <summary>The score under <paramref name="condition"/>, or null when it was not run.</summary>
    public ConditionScore? Find(Condition condition) => Scores.FirstOrDefault(s => s.Condition == condition);

    /// <summary>
    /// How much of the prompt's effect the weights carry: the model's unprompted pass rate over the prompted base's
    /// (the ceiling). Null without both conditions or when the prompted base passes nothing (no ceiling to reach).
    /// </summary>
    public double? Fidelity =>
        Find(Condition.Model)?.Score.Strict is { Count: > 0 } model && Find(Condition.Prompted)?.Score.Strict is { Count: > 0, Value: > 0 } ceiling
            ? model.Value / ceiling.Value
            : null;

    /// <summary>The strict pass rate under <paramref name="condition"/>, or null.</summary>
    public Estimate? Rate(Condition condition) => Find(condition)?.Score.Strict;
}
