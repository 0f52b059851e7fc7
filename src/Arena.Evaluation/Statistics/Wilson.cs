namespace Arena.Evaluation.Statistics;

/// <summary>
/// The Wilson score interval for a rate: unlike the normal approximation it stays inside [0, 1] and is honest
/// for small counts and rates near 0 or 1, which are exactly an evaluation's usual cases (8 of 8 items passed).
/// </summary>
public static class Wilson
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The rate <paramref name="successes"/>/<paramref name="count"/> with its 95% Wilson interval.</summary>
    public static Estimate Rate(int successes, int count, double z = Z95)
    {
        if (count == 0) return Estimate.Empty();
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
        double n = count, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), count);
    }
}
