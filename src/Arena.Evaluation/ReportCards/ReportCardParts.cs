using Arena.Contracts.Bakes;
using Arena.Evaluation.Decay;
using Arena.Evaluation.Kl;
using Arena.Evaluation.Running;
using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.ReportCards;

/// <summary>The decay curves and the KL measure of a bake, in the report card's (message) shape.</summary>
public static class ReportCardParts
{
    public static IReadOnlyList<DecayPointSummary> Decay(DecayRun run)
    {
        var prompted = Points(run.Find(Condition.Prompted));
        var baked = Points(run.Find(Condition.Model));
        return prompted.Keys.Union(baked.Keys).Order()
            .Select(t => new DecayPointSummary(t, prompted.GetValueOrDefault(t), baked.GetValueOrDefault(t))).ToList();
    }

    /// <summary>How many turns the conversations reached, and why they stopped short, in a sentence.</summary>
    public static string DecayNote(DecayRun run)
    {
        var fitted = run.Curves.Count == 0 ? 0 : run.Curves.Min(c => c.FittedByAll);
        return fitted >= run.Turns
            ? $"Every conversation reached turn {run.Turns}."
            : $"Every conversation reached turn {fitted} of {run.Turns}; later turns no longer fit the model's context, so fewer conversations count there.";
    }

    public static KlCard? Kl(KlSummary summary) =>
        summary.Tokens == 0 || !double.IsFinite(summary.Model.Value) || !double.IsFinite(summary.Base.Value)
            ? null
            : new KlCard(summary.Model.Value, summary.Base.Value, summary.Ratio, summary.Tokens, KlHistogram.Edges,
                summary.ModelHistogram.Counts, summary.BaseHistogram.Counts);

    static Dictionary<int, RateSummary> Points(DecayCurve? curve) =>
        curve?.Points.Where(p => p.Adherence.Count > 0).ToDictionary(p => p.Turn, p => Rate(p.Adherence)) ?? [];

    static RateSummary Rate(Estimate e) => new(e.Value, e.Low, e.High, e.Count);
}
