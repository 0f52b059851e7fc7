using Arena.Contracts.Bakes;
using Arena.Core.Models;

namespace Arena.Core.Bakes;

// The events of one bake job's stream (Marten event store, stream id = job id). The BakeJob projection folds them;
// the Jobs page rebuilds from them after a reload, so nothing about a job lives only in memory.

/// <param name="Settings">The recipe (named Settings since the first stored jobs, whose JSON it still reads).</param>
/// <param name="Preset">Null in jobs stored before the preset left the recipe; they read as custom.</param>
/// <param name="Speeds">The speeds the job's estimate was made with (measured here when bakes have completed);
/// null in jobs stored before, which weigh their progress by the benchmark's.</param>
public sealed record BakeRequested(Guid JobId, Guid UserId, string UserName, Guid ParentModelId, string ModelName,
    string Description, Visibility Visibility, BakeRecipe Settings, DateTimeOffset At, string? Preset = null,
    BakeSpeeds? Speeds = null);

public sealed record BakeStarted(string Worker, DateTimeOffset At);

public sealed record BakeProgressed(string Phase, int Step, int TotalSteps, double? Kl, double TokensPerSecond,
    double? EtaSeconds, string? Message, DateTimeOffset At);

public sealed record BakeCompleted(Guid ModelId, string AdapterPath, double KlBefore, double KlAfter, double Seconds,
    double SamplingTokensPerSecond, double TrainingTokensPerSecond, DateTimeOffset At)
{
    /// <summary>The worker's quick evaluation of the new model; null when it made none.</summary>
    public Arena.Contracts.Bakes.BakeReportCard? ReportCard { get; init; }
}

public sealed record BakeFailed(string Reason, DateTimeOffset At);

public sealed record BakeCancelled(string By, DateTimeOffset At);

/// <summary>The worker still holds the job (its heartbeat): renews the job's lease.</summary>
public sealed record BakeLeaseRenewed(string Worker, DateTimeOffset At);

/// <summary>The job's worker was lost (the app restarted, or the lease ran out) and the job goes back to the queue
/// as run number <paramref name="Attempt"/>; reports from earlier runs are ignored from now on.</summary>
/// <param name="Interrupted">The job was running when its worker was lost (counts towards the attempts limit); false
/// for a job that was only queued.</param>
public sealed record BakeRequeued(string Reason, int Attempt, bool Interrupted, DateTimeOffset At);
