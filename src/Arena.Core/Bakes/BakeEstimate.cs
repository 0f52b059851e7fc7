using Arena.Contracts.Bakes;

namespace Arena.Core.Bakes;

/// <summary>
/// The bake form's time estimate. Its speeds are measured on this installation when bakes have completed here
/// (<see cref="BakeSpeeds.Median"/>): the benchmark's figures below (docs/benchmarks.md: sampling ~2,000 tok/s,
/// training ~2,100 trained tok/s on the starter model on a 2-core CPU) said 41 s for bakes that took 79–216 s on a
/// shared worker. Replies average about a third of max tokens. A rough guide for users, not a promise.
/// </summary>
public static class BakeEstimate
{
    public const double SamplingTokensPerSecond = 2000;
    public const double TrainingTokensPerSecond = 2100;
    public const double MeanReplyFraction = 0.35;
    public const double OverheadSeconds = 3;

    /// <summary>The duration at the benchmark's speeds.</summary>
    public static TimeSpan Duration(BakeRecipe s) => Duration(s, BakeSpeeds.Benchmark);

    public static TimeSpan Duration(BakeRecipe s, BakeSpeeds speeds) => TimeSpan.FromSeconds(BakeCost.Of(s, speeds).TotalSeconds);

    /// <summary>Tokens the teacher generates: queries × trajectories × the mean reply.</summary>
    public static double SampledTokens(BakeRecipe s) => Queries(s) * s.TrajectoriesPerQuery * s.MaxTokens * MeanReplyFraction;

    /// <summary>Tokens the worker will generate and train on: the "cost" shown beside the estimate.</summary>
    public static long TrainedTokens(BakeRecipe s) =>
        (long)(SampledTokens(s) * (1 - s.HeldOutFraction) * s.Epochs);   // held-out queries validate, the rest train

    static int Queries(BakeRecipe s) => s.KnownQueryCount ?? s.GenerateQueries;
}
