using Arena.Contracts.Models;

namespace Arena.Contracts.Bakes;

/// <summary>Command to a worker: bake the recipe's prompt into a new adapter on top of <paramref name="Parent"/>,
/// writing it (PEFT format) to <paramref name="OutputPath"/> (relative to the artifact store). The web app checked the
/// recipe against the user's limits; the engine checks it again against the model before any work.</summary>
/// <param name="Attempt">Which run of the job this is (1, then one more each time the job is re-queued after its
/// worker was lost). Every report carries it back, so the web app can ignore a report from an earlier run.</param>
public sealed record RunBake(Guid JobId, ModelSpec Parent, BakeRecipe Recipe, string OutputPath, int Attempt = 1);

/// <summary>Published to every worker instance: stop the job if it runs here, skip it if it arrives later.</summary>
public sealed record CancelBake(Guid JobId);

// Every report names the attempt (RunBake.Attempt) it belongs to; 1 in messages from before attempts existed.

public sealed record BakeJobStarted(Guid JobId, string Worker, DateTimeOffset At, int Attempt = 1);

/// <summary>Sent every few seconds while a worker holds a job, even in a long silent phase: the job's lease. A job
/// whose lease runs out is taken to have lost its worker and is re-queued or failed by the web app.</summary>
public sealed record BakeJobHeartbeat(Guid JobId, string Worker, DateTimeOffset At, int Attempt = 1);

/// <summary>Phase is one of queries, sampling, training, validating, done.</summary>
public sealed record BakeJobProgress(Guid JobId, string Phase, int Step, int TotalSteps, double? Kl,
    double TokensPerSecond, double? EtaSeconds, string? Message, DateTimeOffset At, int Attempt = 1);

public sealed record BakeJobSucceeded(Guid JobId, string AdapterPath, double KlBefore, double KlAfter, double Seconds,
    double SamplingTokensPerSecond, double TrainingTokensPerSecond, DateTimeOffset At, int Attempt = 1, BakeReportCard? ReportCard = null);

/// <summary>The reason is meant for the user (e.g. "the loss became NaN at step 12").</summary>
public sealed record BakeJobFailed(Guid JobId, string Reason, DateTimeOffset At, int Attempt = 1);

public sealed record BakeJobCancelled(Guid JobId, DateTimeOffset At, int Attempt = 1);
