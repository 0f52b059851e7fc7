using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Decay;

/// <summary>One answered turn of a decay conversation (turns count from 1) and how its reply fared on the check.</summary>
public sealed record DecayTurn(int Turn, string Question, string Reply, CheckResult Result)
{
    public bool Passed => Result.Passed;
}
