namespace Arena.Evaluation.Statistics;

/// <summary>
/// A percentile bootstrap over items for a mean (e.g. a KL or a score difference): resample the items with
/// replacement, take the 2.5th and 97.5th percentiles of the resampled means. Seeded, so a seed gives one interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples by default: enough for a stable 95% interval's ends at two decimals.</summary>
    public const int DefaultRounds = 1000;

    /// <summary>The mean of <paramref name="values"/> with its 95% bootstrap interval.</summary>
    public static Estimate Mean(IReadOnlyList<double> values, int seed, int rounds = DefaultRounds)
    {
        if (values.Count == 0) return Estimate.Empty(double.NaN, double.NaN) with { Value = double.NaN };
        var mean = values.Average();
        if (values.Count == 1) return new Estimate(mean, mean, mean, 1);
        var random = new Random(seed);
        var means = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++) sum += values[random.Next(values.Count)];
            means[r] = sum / values.Count;
        }
        Array.Sort(means);
        return new Estimate(mean, Percentile(means, 0.025), Percentile(means, 0.975), values.Count);
    }

    // Linear interpolation between the two nearest ranks, as numpy's default percentile does.
    static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
