using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Judging;

/// <summary>One comparison to judge: the item both answers reply to, and the answers in the order they are shown.</summary>
public sealed record JudgeRequest(SuiteItem Item, string AnswerA, string AnswerB);
