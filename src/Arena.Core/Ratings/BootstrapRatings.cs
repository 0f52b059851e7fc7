namespace Arena.Core.Ratings;

/// <summary>
/// Bootstrap of the Bradley–Terry ratings (FastChat's compute_bootstrap_bt): each round redraws as many battles as
/// there were, with replacement, by multinomial resampling of the aggregated rows, and refits. The spread of the
/// rounds is the uncertainty of each rating.
/// </summary>
public static class BootstrapRatings
{
    public const int DefaultRounds = 100;

    /// <summary>
    /// Ratings per round, [round][model], each round centred on the scale's mean like the point estimate. Rounds run
    /// in parallel, each with its own generator seeded from <paramref name="seed"/>, so the result depends on the
    /// seed alone, not on scheduling or core count.
    /// </summary>
    public static double[][] Rounds(AggregatedBattles battles, int rounds = DefaultRounds, int seed = 0,
        RatingScale? scale = null, double l2 = BradleyTerry.DefaultL2, double[]? start = null, bool parallel = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        scale ??= RatingScale.Default;
        var master = new Random(seed);
        var seeds = new int[rounds];
        for (int r = 0; r < rounds; r++) seeds[r] = master.Next();

        var result = new double[rounds][];
        void Round(int r)
        {
            var counts = Multinomial.Sample(new Random(seeds[r]), battles.Battles, battles.Count);
            result[r] = scale.Centred(BradleyTerry.Strengths(battles.Totals(counts), l2, start));
        }
        if (parallel) Parallel.For(0, rounds, Round);
        else for (int r = 0; r < rounds; r++) Round(r);
        return result;
    }

    /// <summary>
    /// Per model, the <paramref name="level"/> percentile interval of the rounds (2.5% and 97.5% quantiles for 95%,
    /// interpolated linearly like numpy's default). With no rounds the interval is the point itself.
    /// A percentile interval can miss the point estimate on tiny or lopsided data; it is widened to include it so that
    /// no table ever shows a rating outside its own interval.
    /// </summary>
    public static (double[] Low, double[] High) Intervals(double[][] rounds, IReadOnlyList<double> point, double level = 0.95)
    {
        if (!(level is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1)");
        var m = point.Count;
        var (low, high) = (new double[m], new double[m]);
        var column = new double[rounds.Length];
        for (int i = 0; i < m; i++)
        {
            if (rounds.Length == 0)
            {
                low[i] = high[i] = point[i];
                continue;
            }
            for (int r = 0; r < rounds.Length; r++) column[r] = rounds[r][i];
            Array.Sort(column);
            low[i] = Math.Min(point[i], Quantile(column, (1 - level) / 2));
            high[i] = Math.Max(point[i], Quantile(column, 1 - (1 - level) / 2));
        }
        return (low, high);
    }

    /// <summary>The q-quantile of ascending <paramref name="sorted"/> values, linear between order statistics.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty) throw new ArgumentException("no values", nameof(sorted));
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
