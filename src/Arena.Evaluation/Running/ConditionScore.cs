using Arena.Evaluation.Scoring;

namespace Arena.Evaluation.Running;

/// <summary>A suite's score under one condition.</summary>
public sealed record ConditionScore(Condition Condition, SuiteScore Score);
