namespace Arena.Core.Ratings;

/// <summary>
/// Identical battles merged into counts: one row per (model A, model B, score of A) with how often it happened.
/// Sides are put in a canonical order (A's index below B's, the score inverted when swapped), so a million battles
/// among a hundred models become at most 3 × 4,950 rows, and fitting and bootstrapping cost nothing per battle.
/// </summary>
public sealed class AggregatedBattles
{
    AggregatedBattles(IReadOnlyList<string> models, int[] a, int[] b, double[] scoreOfA, int[] count, int[] pair, int[] pairA, int[] pairB)
    {
        (Models, A, B, ScoreOfA, Count, Pair, PairA, PairB) = (models, a, b, scoreOfA, count, pair, pairA, pairB);
        foreach (var c in count) Battles += c;
    }

    public IReadOnlyList<string> Models { get; }
    /// <summary>Per row: the lower model index, the higher one, A's score (0, 0.5 or 1) and how many battles.</summary>
    public int[] A { get; }
    public int[] B { get; }
    public double[] ScoreOfA { get; }
    public int[] Count { get; }
    /// <summary>Per row, which pair of models it belongs to; per pair, its two models. Rows of a pair are adjacent.</summary>
    public int[] Pair { get; }
    public int[] PairA { get; }
    public int[] PairB { get; }
    public int Rows => A.Length;
    public int Battles { get; }

    public static AggregatedBattles From(IndexedBattles battles)
    {
        // Key = (a·M + b)·3 + score code; sorting the keys orders rows by pair, then score.
        long m = battles.Models.Count;
        var counts = new Dictionary<long, int>();
        for (int i = 0; i < battles.Count; i++)
        {
            int a = battles.A[i], b = battles.B[i];
            var score = battles.ScoreOfA[i];
            if (a > b) (a, b, score) = (b, a, 1 - score);
            var key = (a * m + b) * 3 + (long)Math.Round(score * 2);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var keys = counts.Keys.ToArray();
        Array.Sort(keys);

        var n = keys.Length;
        var (ra, rb, rs, rc, rp) = (new int[n], new int[n], new double[n], new int[n], new int[n]);
        var (pa, pb) = (new List<int>(), new List<int>());
        for (int r = 0; r < n; r++)
        {
            var pairKey = keys[r] / 3;
            (ra[r], rb[r], rs[r], rc[r]) = ((int)(pairKey / m), (int)(pairKey % m), (keys[r] % 3) / 2.0, counts[keys[r]]);
            if (pa.Count == 0 || pa[^1] != ra[r] || pb[^1] != rb[r])
            {
                pa.Add(ra[r]);
                pb.Add(rb[r]);
            }
            rp[r] = pa.Count - 1;
        }
        return new AggregatedBattles(battles.Models, ra, rb, rs, rc, rp, [.. pa], [.. pb]);
    }

    /// <summary>What Bradley–Terry needs from these rows: per pair, A's total score and the battles played.</summary>
    public PairTotals Totals() => Totals(Count);

    /// <summary>The same with other row counts, e.g. a bootstrap resample of <see cref="Count"/>.</summary>
    public PairTotals Totals(ReadOnlySpan<int> rowCounts)
    {
        if (rowCounts.Length != Rows) throw new ArgumentException($"expected {Rows} row counts, got {rowCounts.Length}", nameof(rowCounts));
        var (wins, games) = (new double[PairA.Length], new double[PairA.Length]);
        for (int r = 0; r < Rows; r++)
        {
            wins[Pair[r]] += rowCounts[r] * ScoreOfA[r];
            games[Pair[r]] += rowCounts[r];
        }
        return new PairTotals(Models.Count, PairA, PairB, wins, games);
    }
}
