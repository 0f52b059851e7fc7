namespace Arena.Starter.Baking;

/// <summary>One bake scenario's outcome: adherence of the base (prompted, unprompted) and of the baked model at several strengths.</summary>
public sealed record ScenarioResult(
    string Behavior,
    string Prompt,
    double BasePrompted,
    double BaseUnprompted,
    double Baked,
    double HalfBaked,
    double Amplified,
    double BakedPrompted,
    double KlParent,
    double KlBaked,
    double Seconds,
    double SamplingTokensPerSecond,
    double TrainingTokensPerSecond)
{
    public double KlRatio => KlBaked / KlParent;
}
