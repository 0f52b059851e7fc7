using Arena.Evaluation.Running;

namespace Arena.Evaluation.Decay;

/// <summary>
/// A decay run: one curve per condition, with the questions' source, the prompt, the check and the settings it was
/// measured with. Incomplete when it was cancelled before every conversation ended.
/// </summary>
public sealed record DecayRun(string Suite, string Hash, string Prompt, string Check, int Turns, EvaluationSettings Settings, IReadOnlyList<DecayCurve> Curves)
{
    public bool Complete => Curves.All(c => c.Complete);

    /// <summary>The curve under <paramref name="condition"/>, or null when it was not run.</summary>
    public DecayCurve? Find(Condition condition) => Curves.FirstOrDefault(c => c.Condition == condition);
}
