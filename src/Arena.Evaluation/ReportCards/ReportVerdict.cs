using System.Globalization;
using Arena.Contracts.Bakes;

namespace Arena.Evaluation.ReportCards;

/// <summary>
/// Reads a report card's rates into a verdict and a sentence a user can act on. The prompted parent is the ceiling:
/// a bake copies what the prompt does to the parent, so a prompt the parent ignores cannot be baked in, and saying
/// so beats calling the bake a failure.
/// </summary>
public static class ReportVerdict
{
    /// <summary>Below this the parent, even prompted, does not follow the prompt.</summary>
    public const double MinCeiling = 0.25;

    /// <summary>Fidelity below this: the bake did not take.</summary>
    public const double MinTaken = 0.25;

    /// <summary>Fidelity from this up: the bake took.</summary>
    public const double Taken = 0.7;

    /// <summary>A drop in retention of more than this many points is worth saying.</summary>
    public const double RetentionDrop = 0.15;

    public static BakeReportCard Judge(BakeReportCard card)
    {
        var (verdict, summary) = Verdict(card);
        return card with { Verdict = verdict, Summary = summary, RetentionNote = RetentionNote(card) };
    }

    static (string, string) Verdict(BakeReportCard c)
    {
        if (c.Rule is null || c.Ceiling is null || c.Baked is null)
            return (ReportVerdicts.Unmeasured, "No rule checks this prompt, so the report shows replies before and after the bake; the KL says how close the model came to the prompted parent.");
        if (c.Ceiling.Value < MinCeiling)
            return (ReportVerdicts.NoCeiling, $"The parent model does not follow this prompt even when prompted ({P(c.Ceiling.Value)} of replies), so there was little to bake in. Try a prompt it follows, or a stronger base model.");
        var fidelity = c.Fidelity ?? 0;
        if (fidelity < MinTaken)
            return (ReportVerdicts.DidNotTake, $"The bake did not take: without the prompt the model follows it in {P(c.Baked.Value)} of replies, against {P(c.Ceiling.Value)} for the prompted parent. More trajectories or epochs may help.");
        if (fidelity < Taken)
            return (ReportVerdicts.Partial, $"Partly baked: without the prompt the model follows it in {P(c.Baked.Value)} of replies, against {P(c.Ceiling.Value)} for the prompted parent (fidelity {P(fidelity)}).");
        return (ReportVerdicts.Took, $"Baked in: without the prompt the model follows it in {P(c.Baked.Value)} of replies, against {P(c.Ceiling.Value)} for the prompted parent (fidelity {P(fidelity)}).");
    }

    static string? RetentionNote(BakeReportCard c) =>
        c.RetentionParent is { } parent && c.RetentionBaked is { } baked && parent.Value - baked.Value > RetentionDrop
            ? $"It answers fewer everyday questions right than its parent ({P(baked.Value)} against {P(parent.Value)}): the bake changed more than the style."
            : null;

    static string P(double x) => $"{Math.Round(x * 100).ToString(CultureInfo.InvariantCulture)}%";
}
