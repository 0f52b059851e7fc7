using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Kl;

/// <summary>
/// How close the model came to the prompted base, from per-token KLs on held-out queries: the mean KL to the model
/// (after the bake) and to the base (before), each the mean of per-query means with a bootstrap interval over
/// queries (a query's tokens are not independent); the per-token means as the bake report computes them; the ratio
/// after ÷ before (0 is a perfect bake, 1 no change); and per-token histograms.
/// </summary>
public sealed record KlSummary(
    Estimate Model, Estimate Base, double ModelPerToken, double BasePerToken,
    KlHistogram ModelHistogram, KlHistogram BaseHistogram, IReadOnlyList<KlQuery> Queries, int Seed)
{
    public int Tokens => Queries.Sum(q => q.Tokens);

    /// <summary>Mean KL after over before; null when the base is already at the prompted base (nothing to close).</summary>
    public double? Ratio => Base.Value > 0 && double.IsFinite(Model.Value) ? Model.Value / Base.Value : null;

    /// <summary>Summarises <paramref name="queries"/> (<paramref name="seed"/> seeds the bootstrap); a query without reply tokens is kept in the list but measures nothing.</summary>
    public static KlSummary From(IReadOnlyList<KlQuery> queries, int seed, int rounds = Bootstrap.DefaultRounds)
    {
        var measured = queries.Where(q => q.Tokens > 0).ToList();
        return new KlSummary(
            Bootstrap.Mean(measured.Select(q => q.ModelMean).ToList(), seed, rounds),
            Bootstrap.Mean(measured.Select(q => q.BaseMean).ToList(), seed, rounds),
            PerToken(measured.SelectMany(q => q.Model)),
            PerToken(measured.SelectMany(q => q.Base)),
            KlHistogram.Of(measured.SelectMany(q => q.Model)),
            KlHistogram.Of(measured.SelectMany(q => q.Base)),
            queries,
            seed);
    }

    static double PerToken(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
