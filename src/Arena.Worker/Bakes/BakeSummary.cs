using Arena.Engine.Baking;

namespace Arena.Worker.Bakes;

/// <summary>
/// The numbers BakeJobSucceeded carries, saved beside the adapter so a redelivered job reports exactly what the
/// first delivery did. JSON (and so the bus) cannot carry NaN, which the engine reports as the before-KL when no
/// query was held out (fewer than three queries); then the first training step's KL stands in for it: that step
/// is measured before any update, i.e. on the parent, though on training replies rather than held-out ones.
/// </summary>
public sealed record BakeSummary(double KlBefore, double KlAfter, double Seconds, double SamplingTokensPerSecond, double TrainingTokensPerSecond)
{
    /// <summary>The quick evaluation after the bake; null when it is switched off or could not be made.</summary>
    public Arena.Contracts.Bakes.BakeReportCard? ReportCard { get; init; }

    public const string File = "bake-summary.json";

    public static BakeSummary From(BakeReport r, double? firstTrainingKl) => new(
        double.IsFinite(r.KlPromptedVsParent) ? r.KlPromptedVsParent : Finite(firstTrainingKl),
        Finite(r.KlPromptedVsBaked), r.TotalSeconds, Finite(r.SamplingTokensPerSecond), Finite(r.TrainingTokensPerSecond));

    static double Finite(double? x) => x is { } v && double.IsFinite(v) ? v : 0;
}
