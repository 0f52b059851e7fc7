namespace Arena.Core.Bakes;

/// <summary>What users do with bake jobs. All checks happen here, server-side: account, visibility of the parent,
/// settings bounds, model name, per-user concurrency quota.</summary>
public interface IBakeService
{
    /// <summary>Validates, starts the job's event stream (BakeRequested) and hands the job to the dispatcher.
    /// Throws <see cref="DomainException"/> (Unauthenticated, NotFound, Invalid, QuotaExceeded).</summary>
    Task<Guid> Request(BakeRequest request, Viewer viewer, CancellationToken ct = default);

    /// <summary>Owner only; a no-op conflict error if the job already finished.</summary>
    Task Cancel(Guid jobId, Viewer viewer, CancellationToken ct = default);

    /// <summary>The job if the viewer may see it (its owner, or anyone when the target visibility is public/unlisted).</summary>
    Task<BakeJob?> Find(Guid jobId, Viewer viewer, CancellationToken ct = default);

    /// <summary>The viewer's jobs, newest first.</summary>
    Task<IReadOnlyList<BakeJob>> Mine(Viewer viewer, int take = 50, CancellationToken ct = default);

    /// <summary>The speeds a bake on this parent can expect here (<see cref="BakeCalibration"/>); the benchmark's
    /// when the parent is not visible or nothing has been measured.</summary>
    Task<BakeSpeeds> Speeds(Guid parentModelId, Viewer viewer, CancellationToken ct = default);

    /// <summary>How many queued jobs were requested before this one; null when it is not queued or not visible.</summary>
    Task<int?> QueueAhead(Guid jobId, Viewer viewer, CancellationToken ct = default);
}

/// <summary>Sends a requested job to a worker (MassTransit in the web app; tests may run the worker directly).</summary>
public interface IBakeDispatcher
{
    /// <param name="outputPath">Where the worker writes the adapter, relative to the artifact store.</param>
    Task Dispatch(BakeJob job, Models.ArenaModel parent, string outputPath, CancellationToken ct = default);
    Task Cancel(Guid jobId, CancellationToken ct = default);
}

/// <summary>
/// Records what workers report about a job as events on its stream. Idempotent and order-tolerant: workers may
/// redeliver (RabbitMQ redelivers after a crash) and a report about a finished job is ignored.
/// <see cref="Completed"/> also creates the baked model's document in the same transaction. Each report names the
/// run (<c>attempt</c>) it comes from; reports from a run that a re-queue replaced are ignored.
/// </summary>
public interface IBakeJournal
{
    Task Started(Guid jobId, int attempt, string worker, DateTimeOffset at, CancellationToken ct = default);
    Task Progressed(Guid jobId, int attempt, BakeProgressed progress, CancellationToken ct = default);
    /// <summary>The worker's heartbeat: renews the job's lease (see <see cref="BakeRecovery"/>).</summary>
    Task Renewed(Guid jobId, int attempt, string worker, DateTimeOffset at, CancellationToken ct = default);
    /// <returns>The new model's id, or null if the job was already finished (e.g. cancelled meanwhile) or the
    /// report came from a replaced run.</returns>
    Task<Guid?> Completed(Guid jobId, int attempt, string adapterPath, double klBefore, double klAfter, double seconds,
        double samplingTokensPerSecond, double trainingTokensPerSecond, DateTimeOffset at, Arena.Contracts.Bakes.BakeReportCard? reportCard = null,
        CancellationToken ct = default);
    Task Failed(Guid jobId, int attempt, string reason, DateTimeOffset at, CancellationToken ct = default);
    Task Cancelled(Guid jobId, int attempt, string by, DateTimeOffset at, CancellationToken ct = default);
}
