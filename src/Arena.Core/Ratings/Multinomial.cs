namespace Arena.Core.Ratings;

/// <summary>
/// Multinomial resampling of aggregated rows (FastChat's rng.multinomial in compute_bootstrap_bt): redrawing every
/// battle with replacement is the same as drawing the row counts from Multinomial(battles, count / total). Drawn as a
/// chain of conditional binomials, one per row.
/// </summary>
static class Multinomial
{
    public static int[] Sample(Random rng, int draws, ReadOnlySpan<int> weights)
    {
        long remainingWeight = 0;
        foreach (var w in weights)
        {
            if (w < 0) throw new ArgumentException("weights must be non-negative", nameof(weights));
            remainingWeight += w;
        }
        var counts = new int[weights.Length];
        for (int i = 0; i < weights.Length && draws > 0 && remainingWeight > 0; i++)
        {
            // Row i given the draws left: Binomial(left, wᵢ / weight left). The last non-empty row gets p = 1 exactly.
            var k = Binomial.Sample(rng, draws, (double)weights[i] / remainingWeight);
            counts[i] = k;
            draws -= k;
            remainingWeight -= weights[i];
        }
        return counts;
    }
}
