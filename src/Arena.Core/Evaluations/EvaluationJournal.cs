using Arena.Core.Bakes;
using Arena.Core.Storage;
using Marten;

namespace Arena.Core.Evaluations;

/// <summary>
/// Applies worker reports to the job document through <see cref="OptimisticWrite"/>: a report and a cancel racing
/// each other decide on the state that won, and nothing changes a finished job (so a redelivered report is harmless
/// and a completion that comes after a cancel is dropped).
/// </summary>
public sealed class EvaluationJournal(IDocumentStore store) : IEvaluationJournal
{
    public Task Started(Guid jobId, DateTimeOffset at, CancellationToken ct = default) =>
        Update(store, jobId, j => { j.Status = BakeStatus.Running; j.StartedAt ??= at; Renew(j, at); }, ct);

    public Task Renewed(Guid jobId, DateTimeOffset at, CancellationToken ct = default) =>
        Update(store, jobId, j => Renew(j, at), ct);

    public Task Progressed(Guid jobId, int done, int total, CancellationToken ct = default) =>
        Update(store, jobId, j =>
        {
            j.Status = BakeStatus.Running;
            (j.Done, j.Total) = (Math.Max(j.Done, done), total);
            Renew(j, DateTimeOffset.UtcNow);
        }, ct);

    static void Renew(EvaluationJob job, DateTimeOffset at)
    {
        if (job.LeaseRenewedAt is null || at > job.LeaseRenewedAt) job.LeaseRenewedAt = at;
    }

    public async Task<int> FailExpired(TimeSpan lease, DateTimeOffset now, CancellationToken ct = default)
    {
        var cutoff = now - lease;
        List<Guid> lost;
        await using (var session = store.QuerySession())
            lost = [.. await session.Query<EvaluationJob>()
                .Where(j => j.Status == BakeStatus.Running && j.LeaseRenewedAt != null && j.LeaseRenewedAt < cutoff)
                .Select(j => j.Id).ToListAsync(ct)];
        var reason = $"the worker running this evaluation was lost (no word from it for {lease.TotalSeconds:0} s); run it again";
        // Decided again on each job's current state: a heartbeat that landed meanwhile keeps it running.
        foreach (var id in lost)
            await Update(store, id, j =>
            {
                if (j.LeaseRenewedAt >= cutoff) return;
                j.Status = BakeStatus.Failed;
                j.FailureReason = reason;
                j.FinishedAt = now;
            }, ct);
        return lost.Count;
    }

    public Task Succeeded(Guid jobId, string resultJson, DateTimeOffset at, CancellationToken ct = default) =>
        Update(store, jobId, j => { j.Status = BakeStatus.Completed; j.ResultJson = resultJson; j.Done = j.Total; j.FinishedAt = at; }, ct);

    public Task Failed(Guid jobId, string reason, DateTimeOffset at, CancellationToken ct = default) =>
        Update(store, jobId, j => { j.Status = BakeStatus.Failed; j.FailureReason = reason.Length <= 2000 ? reason : reason[..2000]; j.FinishedAt = at; }, ct);

    /// <remarks>The owner's cancel has finished the job already; the worker's partial scores are still kept.</remarks>
    public async Task Cancelled(Guid jobId, string? partialResultJson, DateTimeOffset at, CancellationToken ct = default) =>
        await store.Run(async session =>
        {
            var job = await session.LoadAsync<EvaluationJob>(jobId, ct);
            if (job is null || job.Status is BakeStatus.Completed or BakeStatus.Failed) return false;
            job.Status = BakeStatus.Cancelled;
            job.ResultJson ??= partialResultJson;
            job.FinishedAt ??= at;
            session.Store(job);
            return true;
        }, ct, what: "an evaluation job");

    public async Task<int> FailOpen(string reason, DateTimeOffset at, CancellationToken ct = default)
    {
        List<Guid> open;
        await using (var session = store.QuerySession())
            open = [.. await session.Query<EvaluationJob>().Where(j => j.Status == BakeStatus.Queued || j.Status == BakeStatus.Running)
                .Select(j => j.Id).ToListAsync(ct)];
        foreach (var id in open) await Failed(id, reason, at, ct);
        return open.Count;
    }

    /// <summary>Changes an open job; a finished or unknown one is left as it is.</summary>
    internal static Task Update(IDocumentStore store, Guid jobId, Action<EvaluationJob> change, CancellationToken ct) =>
        store.Run(async session =>
        {
            var job = await session.LoadAsync<EvaluationJob>(jobId, ct);
            if (job is null || job.Status.IsFinished()) return false;
            change(job);
            session.Store(job);
            return true;
        }, ct, what: "an evaluation job");
}
