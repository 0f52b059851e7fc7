using Arena.Core.Bakes;

namespace Arena.Web.Components.Shared;

/// <summary>
/// The one line under a job's progress bar: where the job stands as a whole. A queued job says its place in the
/// line; a running one the overall share and what the worker is doing; a finished one only how it ended (never a
/// phase's "step 1 of 1", nor "waiting for the worker" once cancelled).
/// </summary>
public static class JobStatusText
{
    public static string Describe(BakeJob job, int? queueAhead) => job.Status switch
    {
        BakeStatus.Queued => queueAhead switch
        {
            null => "Queued: waiting for the worker…",
            0 => "Queued: next in line for the worker…",
            1 => "Queued: 1 bake ahead of this one.",
            var n => $"Queued: {n} bakes ahead of this one.",
        },
        BakeStatus.Running => $"{job.OverallFraction:P0} done · {Doing(job)}",
        BakeStatus.Completed => job.StartedAt is { } start && job.FinishedAt is { } end
            ? $"Finished in {Duration(end - start)}." : "Finished.",
        BakeStatus.Failed => "Failed.",
        _ => "Cancelled.",
    };

    /// <summary>The current phase in words, with its own step count where it has one.</summary>
    static string Doing(BakeJob job) => job.Phase switch
    {
        "starting" => "loading the model",
        "queries" => "choosing queries",
        "sampling" when job.TotalSteps > 0 => $"sampling replies ({job.Step} of {job.TotalSteps})",
        "training" when job.TotalSteps > 0 => $"training, {EpochOf(job)}step {job.Step} of {job.TotalSteps}",
        "validating" => "measuring KL on held-out queries",
        "evaluating" when job.TotalSteps > 0 => $"writing the report card ({job.Step} of {job.TotalSteps} replies)",
        "done" => "saving the adapter",
        var phase => phase,
    };

    static string EpochOf(BakeJob job)
    {
        var epochs = job.Settings.Epochs;
        if (epochs <= 0 || job.TotalSteps % epochs != 0) return "";
        var perEpoch = job.TotalSteps / epochs;
        return $"epoch {Math.Min(epochs, (job.Step - 1) / perEpoch + 1)} of {epochs}, ";
    }

    static string Duration(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
}
