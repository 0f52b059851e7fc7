using Arena.Core.Models;
using Arena.Core.Storage;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arena.Core.Bakes;

/// <summary>
/// Finds bake jobs whose worker is gone and puts them back in the queue as a new run, or fails them once they have
/// lost their worker <see cref="BakeRecoveryOptions.MaxAttempts"/> times while running. A job never stays queued
/// or running for ever, and so never holds a place in its owner's quota for ever.
/// </summary>
/// <remarks>
/// Re-queue rather than fail at once: a worker is lost to a deploy, a restart or a crashed machine far more often
/// than to the bake itself, and the user asked for the bake. The new run starts from scratch in a folder of its own
/// (<see cref="BakeService.AdapterPath"/>): the engine keeps no checkpoint to resume from, and a bake is minutes.
/// Each decision is made on the job's current state through <see cref="StreamAppender"/>, so two replicas that
/// recover the same job at once re-queue it once: the loser decides again on the re-queued job and leaves it.
/// Only the run that won is dispatched.
/// </remarks>
public sealed class BakeRecovery(IDocumentStore store, IBakeDispatcher dispatcher, IOptions<BakeRecoveryOptions> options,
    TimeProvider clock, ILogger<BakeRecovery> log)
{
    BakeRecoveryOptions Options => options.Value;

    /// <summary>At start-up of the single-process platform: every queued or running job lost its worker and its
    /// queue (both in-memory) with the process that stopped.</summary>
    /// <returns>How many jobs were re-queued or failed.</returns>
    public async Task<int> RecoverAfterRestart(CancellationToken ct = default)
    {
        var open = await Open(ct);
        var recovered = 0;
        foreach (var id in open)
            if (await Recover(id, _ => true, "the app restarted while the bake was waiting or running", ct)) recovered++;
        return recovered;
    }

    /// <summary>Running jobs whose lease ran out (no word from their worker for <see cref="BakeRecoveryOptions.Lease"/>).</summary>
    /// <returns>How many jobs were re-queued or failed.</returns>
    public async Task<int> RecoverExpired(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - Options.Lease;
        await using var session = store.QuerySession();
        var stale = await session.Query<BakeJob>()
            .Where(j => j.Status == BakeStatus.Running && (j.LeaseRenewedAt == null || j.LeaseRenewedAt < cutoff))
            .Select(j => j.Id).ToListAsync(ct);
        var recovered = 0;
        var reason = $"its worker stopped answering for over {Options.Lease.TotalSeconds:0} s";
        foreach (var id in stale)
            if (await Recover(id, job => Expired(job, cutoff), reason, ct)) recovered++;
        return recovered;
    }

    /// <summary>Decided again on the state the append reads: the worker may have spoken since the query.</summary>
    static bool Expired(BakeJob job, DateTimeOffset cutoff) =>
        job.Status == BakeStatus.Running && (job.LeaseRenewedAt ?? job.StartedAt ?? job.RequestedAt) < cutoff;

    async Task<IReadOnlyList<Guid>> Open(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<BakeJob>()
            .Where(j => j.Status == BakeStatus.Queued || j.Status == BakeStatus.Running)
            .OrderBy(j => j.RequestedAt).Select(j => j.Id).ToListAsync(ct);
    }

    /// <returns>Whether this call re-queued or failed the job (false if it was no longer lost, or another replica
    /// recovered it first).</returns>
    async Task<bool> Recover(Guid jobId, Func<BakeJob, bool> lost, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await store.Append<BakeJob, Outcome?>(jobId, async (stream, session) =>
        {
            if (stream.Aggregate is not { } job || job.Status.IsFinished() || !lost(job)) return null;
            var interrupted = job.Status == BakeStatus.Running;
            if (interrupted && job.Interruptions + 1 >= Options.MaxAttempts)
            {
                stream.AppendOne(new BakeFailed(GaveUp(job.Interruptions + 1, reason), now));
                return new Outcome(job, null, job.Attempt);
            }
            var parent = await session.LoadAsync<ArenaModel>(job.ParentModelId, ct);
            if (parent is null)
            {
                stream.AppendOne(new BakeFailed($"{reason}, and its parent model is gone, so it cannot run again", now));
                return new Outcome(job, null, job.Attempt);
            }
            var e = new BakeRequeued($"re-queued: {reason}", job.Attempt + 1, interrupted, now);
            stream.AppendOne(e);
            return new Outcome(job, parent, e.Attempt);
        }, ct, log);
        if (outcome is null) return false;
        if (outcome.Parent is null)
        {
            log.LogWarning("Bake job {JobId} failed after losing its worker: {Reason}", jobId, reason);
            return true;
        }
        log.LogWarning("Bake job {JobId} re-queued as run {Attempt}: {Reason}", jobId, outcome.Attempt, reason);
        // The job as dispatched is the one read, as the new run: the dispatcher tells the worker which run it is.
        outcome.Job.Attempt = outcome.Attempt;
        await Dispatch(outcome.Job, outcome.Parent, now, ct);
        return true;
    }

    async Task Dispatch(BakeJob job, ArenaModel parent, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await dispatcher.Dispatch(job, parent, BakeService.AdapterPath(job.Id, job.Attempt), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As when a bake is first requested: say why it will not run rather than leave it queued for ever.
            log.LogWarning(e, "Re-queued bake job {JobId} could not be handed to a worker", job.Id);
            await store.Append<BakeJob>(job.Id, (stream, _) =>
            {
                if (stream.Aggregate is { } current && !current.Status.IsFinished() && current.Attempt == job.Attempt)
                    stream.AppendOne(new BakeFailed($"could not hand the job to a worker again: {e.Message}", now));
                return Task.CompletedTask;
            }, CancellationToken.None, log);
        }
    }

    string GaveUp(int times, string reason) =>
        $"the bake lost its worker {times} time{(times == 1 ? "" : "s")} while running (last time {reason}); " +
        $"it is not tried again after {Options.MaxAttempts} run{(Options.MaxAttempts == 1 ? "" : "s")}. " +
        "A bake that keeps stopping its worker may be too large for it: try fewer trajectories or tokens.";

    /// <param name="Parent">Null when the job was failed rather than re-queued.</param>
    /// <param name="Attempt">The run the job was re-queued as. (Marten may apply the appended event to the job read,
    /// or may not, so the job's own fields are not relied on for it.)</param>
    sealed record Outcome(BakeJob Job, ArenaModel? Parent, int Attempt);
}
