namespace Arena.Evaluation.Kl;

/// <summary>
/// Per-token KL values counted into fixed log-spaced bins, so histograms of different runs line up bar for bar.
/// <see cref="Edges"/> are 10^-4 … 10^2 at two bins a decade; <see cref="Counts"/> has one more entry than the
/// edges: values below the first edge (zero and the tiny negatives of rounding included), then each
/// [edgeᵢ, edgeᵢ₊₁), then values at or above the last edge.
/// </summary>
public sealed record KlHistogram(IReadOnlyList<int> Counts)
{
    /// <summary>The bin edges in nats: 1e-4, 10^-3.5, …, 1e2.</summary>
    public static IReadOnlyList<double> Edges { get; } = Enumerable.Range(-8, 13).Select(k => Math.Pow(10, k / 2.0)).ToArray();

    public int Total => Counts.Sum();

    public static KlHistogram Of(IEnumerable<double> values)
    {
        var counts = new int[Edges.Count + 1];
        foreach (var v in values) counts[Bin(v)]++;
        return new KlHistogram(counts);
    }

    /// <summary>The bin of <paramref name="value"/>: 0 below the first edge, <c>Edges.Count</c> at or above the last.</summary>
    public static int Bin(double value)
    {
        // NaN sorts below every edge here: it lands in the first bin rather than vanishing from the count.
        var bin = 0;
        while (bin < Edges.Count && value >= Edges[bin]) bin++;
        return bin;
    }
}
