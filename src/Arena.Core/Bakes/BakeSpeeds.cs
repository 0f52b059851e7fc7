namespace Arena.Core.Bakes;

/// <summary>
/// How fast a worker samples and trains, in tokens per second: measured by recently completed bakes on this
/// installation (<see cref="MeasuredBakes"/> of them), or the benchmark's figures when none has completed yet.
/// </summary>
public sealed record BakeSpeeds(double SamplingTokensPerSecond, double TrainingTokensPerSecond, int MeasuredBakes = 0)
{
    /// <summary>docs/benchmarks.md, the starter model on a 2-core CPU; optimistic on a busy worker.</summary>
    public static readonly BakeSpeeds Benchmark = new(BakeEstimate.SamplingTokensPerSecond, BakeEstimate.TrainingTokensPerSecond);

    /// <summary>What the figures rest on, for the estimate's wording.</summary>
    public string Basis => MeasuredBakes switch
    {
        0 => "benchmark speeds on a 2-core CPU; no bake has finished here yet",
        1 => "the speed of the last bake on this model here",
        var n => $"the median speed of the last {n} bakes on this model here",
    };

    /// <summary>The median of each speed over the given completed bakes (those that reported both), or the
    /// benchmark when there are none. A median, so one bake slowed by a busy machine does not swing the estimate.</summary>
    public static BakeSpeeds Median(IReadOnlyCollection<(double Sampling, double Training)> measured)
    {
        var usable = measured.Where(m => m.Sampling > 0 && m.Training > 0 && double.IsFinite(m.Sampling) && double.IsFinite(m.Training)).ToList();
        if (usable.Count == 0) return Benchmark;
        return new(MedianOf(usable.Select(m => m.Sampling)), MedianOf(usable.Select(m => m.Training)), usable.Count);
    }

    static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
