using Arena.Contracts.Models;

namespace Arena.Contracts.Bakes;

/// <summary>Command to a worker: bake the recipe's prompt into a new adapter on top of <paramref name="Parent"/>,
/// writing it (PEFT format) to <paramref name="OutputPath"/> (relative to the artifact store). The web app checked the
/// recipe against the user's limits; the engine checks it again against the model before any work.</summary>
public sealed record RunBake(Guid JobId, ModelSpec Parent, BakeRecipe Recipe, string OutputPath);

/// <summary>Published to every worker instance: stop the job if it runs here, skip it if it arrives later.</summary>
public sealed record CancelBake(Guid JobId);

public sealed record BakeJobStarted(Guid JobId, string Worker, DateTimeOffset At);

/// <summary>Phase is one of queries, sampling, training, validating, done.</summary>
public sealed record BakeJobProgress(Guid JobId, string Phase, int Step, int TotalSteps, double? Kl,
    double TokensPerSecond, double? EtaSeconds, string? Message, DateTimeOffset At);

public sealed record BakeJobSucceeded(Guid JobId, string AdapterPath, double KlBefore, double KlAfter, double Seconds,
    double SamplingTokensPerSecond, double TrainingTokensPerSecond, DateTimeOffset At);

/// <summary>The reason is meant for the user (e.g. "the loss became NaN at step 12").</summary>
public sealed record BakeJobFailed(Guid JobId, string Reason, DateTimeOffset At);

public sealed record BakeJobCancelled(Guid JobId, DateTimeOffset At);
