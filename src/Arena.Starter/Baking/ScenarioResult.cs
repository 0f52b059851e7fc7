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
    /// <summary>The held-out queries the baked model (s=1, unprompted) failed, with its reply and the prompted base's.</summary>
    public IReadOnlyList<BakedMiss> Misses { get; init; } = [];

    public double KlRatio => KlBaked / KlParent;
}

/// <summary>A query the baked model failed: what it said unprompted, and what its teacher (the prompted base) said.</summary>
public sealed record BakedMiss(string Query, string Baked, string Teacher);
