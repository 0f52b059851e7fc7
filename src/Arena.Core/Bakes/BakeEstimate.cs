using Arena.Contracts.Bakes;

namespace Arena.Core.Bakes;

/// <summary>
/// The bake form's time estimate, from throughput measured on the starter model on a 2-core CPU
/// (docs/benchmarks.md: sampling ~2,000 tok/s, training ~2,100 trained tok/s; replies average about a third of
/// max tokens). A rough guide for users, not a promise.
/// </summary>
public static class BakeEstimate
{
    public const double SamplingTokensPerSecond = 2000;
    public const double TrainingTokensPerSecond = 2100;
    public const double MeanReplyFraction = 0.35;
    public const double OverheadSeconds = 3;

    public static TimeSpan Duration(BakeRecipe s)
    {
        var sampled = Queries(s) * s.TrajectoriesPerQuery * s.MaxTokens * MeanReplyFraction;
        var trained = sampled * 0.8 * s.Epochs;   // 80% of queries train, 20% are held out
        return TimeSpan.FromSeconds(OverheadSeconds + sampled / SamplingTokensPerSecond + trained / TrainingTokensPerSecond);
    }

    /// <summary>Tokens the worker will generate and train on: the "cost" shown beside the estimate.</summary>
    public static long TrainedTokens(BakeRecipe s) =>
        (long)(Queries(s) * s.TrajectoriesPerQuery * s.MaxTokens * MeanReplyFraction * 0.8 * s.Epochs);

    static int Queries(BakeRecipe s) => s.KnownQueryCount ?? s.GenerateQueries;
}
