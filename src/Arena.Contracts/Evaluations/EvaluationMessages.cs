using Arena.Contracts.Models;

namespace Arena.Contracts.Evaluations;

/// <summary>
/// Command to a worker: score <paramref name="Model"/> on the built-in suite <paramref name="Suite"/> (a name such as
/// "instructions") under <paramref name="Conditions"/> ("base", "prompted", "model", "reprompted"), prompted
/// conditions with <paramref name="Prompt"/>; at most <paramref name="Limit"/> items; greedy replies of up to
/// <paramref name="MaxNewTokens"/> tokens. An uploaded suite comes as <paramref name="SuiteText"/> (JSON Lines), named
/// <paramref name="Suite"/>. The web app checked all of it; the worker checks it again.
/// </summary>
public sealed record RunEvaluation(Guid JobId, ModelSpec Model, string Suite, IReadOnlyList<string> Conditions, string? Prompt,
    int? Limit, int Seed, int MaxNewTokens, string? SuiteText = null);

/// <summary>Published to every worker instance: stop the evaluation if it runs here, skip it if it arrives later.</summary>
public sealed record CancelEvaluation(Guid JobId);

public sealed record EvaluationJobStarted(Guid JobId, DateTimeOffset At);

/// <summary>Sent every few seconds while a worker runs the job: its lease (see BakeJobHeartbeat).</summary>
public sealed record EvaluationJobHeartbeat(Guid JobId, DateTimeOffset At);

/// <summary>Replies written so far out of all the run needs.</summary>
public sealed record EvaluationJobProgress(Guid JobId, int Done, int Total, DateTimeOffset At);

/// <summary>The run's scores as Arena.Evaluation's RunJson writes them (a stable JSON shape).</summary>
public sealed record EvaluationJobSucceeded(Guid JobId, string ResultJson, DateTimeOffset At);

/// <summary>The reason is meant for the user.</summary>
public sealed record EvaluationJobFailed(Guid JobId, string Reason, DateTimeOffset At);

/// <summary>Stopped on request; <paramref name="PartialResultJson"/> holds the scores so far (marked incomplete), or null.</summary>
public sealed record EvaluationJobCancelled(Guid JobId, string? PartialResultJson, DateTimeOffset At);
