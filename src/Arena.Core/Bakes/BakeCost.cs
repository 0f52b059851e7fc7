using Arena.Contracts.Bakes;

namespace Arena.Core.Bakes;

/// <summary>
/// What each phase of a bake is expected to take, in seconds: the tokens it generates or trains on at the given
/// speeds. The form's estimate is their sum; the job page weighs its one progress bar by them, so sampling moves
/// the bar as much as the time it takes and not a whole bar of its own.
/// </summary>
/// <param name="StartSeconds">Loading the model and choosing queries (the "starting" and "queries" phases).</param>
/// <param name="SamplingSeconds">Generating the teacher's replies.</param>
/// <param name="TrainingSeconds">Teacher targets, training steps and validation (the worker's measured training
/// speed covers all three: its clock runs through them).</param>
public sealed record BakeCost(double StartSeconds, double SamplingSeconds, double TrainingSeconds)
{
    public double TotalSeconds => StartSeconds + SamplingSeconds + TrainingSeconds;

    public static BakeCost Of(BakeRecipe recipe, BakeSpeeds speeds) => new(
        BakeEstimate.OverheadSeconds,
        BakeEstimate.SampledTokens(recipe) / speeds.SamplingTokensPerSecond,
        BakeEstimate.TrainedTokens(recipe) / speeds.TrainingTokensPerSecond);

    /// <summary>Share of the whole job done at a progress report: earlier phases count in full, the current one by
    /// its step. Null for a report that says nothing of overall progress (validation, which repeats each epoch).</summary>
    public double? FractionAt(string phase, int step, int totalSteps)
    {
        var within = totalSteps > 0 ? Math.Clamp((double)step / totalSteps, 0, 1) : 0;
        double? done = phase switch
        {
            "starting" => 0,
            "queries" => StartSeconds * within,
            "sampling" => StartSeconds + SamplingSeconds * within,
            "training" => StartSeconds + SamplingSeconds + TrainingSeconds * within,
            "done" => TotalSeconds,
            _ => null,
        };
        return done is { } d && TotalSeconds > 0 ? Math.Clamp(d / TotalSeconds, 0, 1) : null;
    }

    /// <summary>Seconds left in the whole job: the worker's estimate for the current phase (it measures this run's
    /// speed), or this cost's share of it, plus the later phases' cost. Null where the phase is unknown.</summary>
    public double? RemainingSeconds(string phase, int step, int totalSteps, double? phaseRemaining)
    {
        var within = totalSteps > 0 ? Math.Clamp((double)step / totalSteps, 0, 1) : 0;
        double Left(double phaseSeconds) => phaseRemaining is { } r && double.IsFinite(r) && r >= 0 ? r : phaseSeconds * (1 - within);
        return phase switch
        {
            "starting" => TotalSeconds,
            "queries" => Left(StartSeconds) + SamplingSeconds + TrainingSeconds,
            "sampling" => Left(SamplingSeconds) + TrainingSeconds,
            "training" => Left(TrainingSeconds),
            "done" => 0,
            _ => null,
        };
    }
}
