using System.Globalization;
using System.Text;
using Arena.Contracts.Bakes;

namespace Arena.Evaluation.ReportCards;

/// <summary>A report card as a few lines of text, for the command line.</summary>
public static class ReportCardText
{
    public static string Of(BakeReportCard c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"report card: {c.Summary}");
        if (c is { Rule: { } rule, Floor: { } floor, Ceiling: { } ceiling, Baked: { } baked })
            sb.AppendLine($"  follows the prompt ({rule}): parent {Rate(floor)}, parent prompted {Rate(ceiling)}, baked {Rate(baked)}"
                          + (c.Fidelity is { } f ? $"; fidelity {P(f)}" : ""));
        if (c is { RetentionParent: { } rp, RetentionBaked: { } rb })
            sb.AppendLine($"  everyday questions right: parent {Rate(rp)}, baked {Rate(rb)} (kept {c.RetentionKept} of {c.RetentionParentRight})");
        if (c.RetentionNote is { } note) sb.AppendLine($"  {note}");
        if (c.Decay.Count > 0)
            sb.AppendLine($"  decay, turn by turn (prompted parent / baked): "
                          + string.Join("  ", c.Decay.Select(d => $"{d.Turn}: {Short(d.Prompted)}/{Short(d.Baked)}")));
        if (c.DecayNote is { } decayNote) sb.AppendLine($"  {decayNote}");
        if (c.Kl is { } kl)
            sb.AppendLine($"  KL per token to the prompted parent: {kl.BaseMean.ToString("0.000", CultureInfo.InvariantCulture)} before, "
                          + $"{kl.ModelMean.ToString("0.000", CultureInfo.InvariantCulture)} after ({kl.Tokens} tokens)");
        foreach (var s in c.Samples)
            sb.AppendLine($"  Q: {s.Question}\n    before: {s.Before}\n    after:  {s.After}");
        if (!c.Complete) sb.AppendLine("  INCOMPLETE: stopped before every reply was written");
        return sb.ToString().TrimEnd();
    }

    static string Rate(RateSummary r) => $"{P(r.Value)} [{P(r.Low)}, {P(r.High)}]";

    static string Short(RateSummary? r) => r is null ? "—" : P(r.Value);

    static string P(double x) => $"{Math.Round(x * 100).ToString(CultureInfo.InvariantCulture)}%";
}
