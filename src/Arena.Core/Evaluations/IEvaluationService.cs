namespace Arena.Core.Evaluations;

/// <summary>
/// Evaluation jobs as users see them. Visibility follows the model: a job is visible to whoever may see its model,
/// and gone with it. Only the job's owner may cancel it.
/// </summary>
public interface IEvaluationService
{
    /// <summary>Validates, records and dispatches the job. Throws <see cref="DomainException"/> (Unauthenticated,
    /// NotFound, Invalid, QuotaExceeded, Conflict).</summary>
    Task<Guid> Request(EvaluationRequest request, Viewer viewer, CancellationToken ct = default);

    Task Cancel(Guid jobId, Viewer viewer, CancellationToken ct = default);

    Task<EvaluationJob?> Find(Guid jobId, Viewer viewer, CancellationToken ct = default);

    /// <summary>The model's evaluation jobs, newest first, when the viewer may see the model.</summary>
    Task<IReadOnlyList<EvaluationJob>> ForModel(Guid modelId, Viewer viewer, int take = 20, CancellationToken ct = default);

    /// <summary>Completed runs of the same suite on other models the viewer may see, newest first: what a run can be
    /// compared with item by item.</summary>
    Task<IReadOnlyList<EvaluationJob>> Comparable(Guid jobId, Viewer viewer, int take = 20, CancellationToken ct = default);
}

/// <summary>Sends a job to a worker (MassTransit in the web app).</summary>
public interface IEvaluationDispatcher
{
    /// <param name="suiteText">An uploaded suite's text (null for a built-in suite, which the worker has).</param>
    Task Dispatch(EvaluationJob job, Models.ArenaModel model, string? suiteText, CancellationToken ct = default);
    Task Cancel(Guid jobId, CancellationToken ct = default);
}

/// <summary>Records what workers report. A report about an unknown or finished job is dropped (redelivery is harmless).</summary>
public interface IEvaluationJournal
{
    Task Started(Guid jobId, DateTimeOffset at, CancellationToken ct = default);
    /// <summary>The worker's heartbeat: renews the job's lease.</summary>
    Task Renewed(Guid jobId, DateTimeOffset at, CancellationToken ct = default);
    Task Progressed(Guid jobId, int done, int total, CancellationToken ct = default);
    Task Succeeded(Guid jobId, string resultJson, DateTimeOffset at, CancellationToken ct = default);
    Task Failed(Guid jobId, string reason, DateTimeOffset at, CancellationToken ct = default);
    Task Cancelled(Guid jobId, string? partialResultJson, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Fails every queued or running job with <paramref name="reason"/>: on the single-process platform a
    /// restart lost them with the process (an evaluation is cheap to run again, so it is not re-queued).</summary>
    /// <returns>How many jobs it failed.</returns>
    Task<int> FailOpen(string reason, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Fails running jobs whose worker has said nothing for <paramref name="lease"/> (lost with its worker).</summary>
    /// <returns>How many jobs it failed.</returns>
    Task<int> FailExpired(TimeSpan lease, DateTimeOffset now, CancellationToken ct = default);
}
