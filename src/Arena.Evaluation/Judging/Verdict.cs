namespace Arena.Evaluation.Judging;

/// <summary>Which of two answers a judge prefers: the one shown as A, the one shown as B, or neither.</summary>
public enum Verdict
{
    A,
    B,
    Tie,
}
