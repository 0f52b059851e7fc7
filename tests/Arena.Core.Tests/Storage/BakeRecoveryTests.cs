using Arena.Core.Bakes;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Arena.Core.Tests.Storage;

/// <summary>Crash recovery on the real event store: jobs whose worker is gone are re-queued as a new run (reports
/// from the lost run ignored) or, after too many lost runs, failed with the reason, freeing the owner's quota.</summary>
public sealed class BakeRecoveryTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    BakeRecovery Recovery(DateTimeOffset now, int maxAttempts = 3) => new(
        db.Services.GetRequiredService<IDocumentStore>(), db.Dispatcher,
        Options.Create(new BakeRecoveryOptions { Lease = TimeSpan.FromSeconds(60), MaxAttempts = maxAttempts }),
        new FixedClock(now), NullLogger<BakeRecovery>.Instance);

    Task<Guid> Request(Viewer v) =>
        db.In(sp => sp.GetRequiredService<IBakeService>().Request(
            new BakeRequest(db.StarterId, "Pirate", "arr", Visibility.Public, BakePresets.Pirate, StoreFixture.Settings()), v));

    Task<BakeJob> Job(Guid id) => db.In(async sp => (await sp.GetRequiredService<IDocumentSession>().LoadAsync<BakeJob>(id))!);

    Task Journal(Func<IBakeJournal, Task> f) => db.In(sp => f(sp.GetRequiredService<IBakeJournal>()));

    static BakeProgressed Progress(int step, DateTimeOffset at) => new("training", step, 10, 0.5, 1000, 5, null, at);

    List<string> DispatchedPaths(Guid jobId)
    {
        lock (db.Dispatcher.Dispatched) return db.Dispatcher.Dispatched.Where(d => d.Job.Id == jobId).Select(d => d.OutputPath).ToList();
    }

    [Fact]
    public async Task ARunningJobWhoseLeaseRanOutIsRequeuedAsANewRunOnceEvenByTwoReplicas()
    {
        var user = await db.NewUser();
        var jobId = await Request(user);
        await Journal(async j => { await j.Started(jobId, 1, "w1", T0); await j.Progressed(jobId, 1, Progress(3, T0.AddSeconds(5))); });

        await Recovery(T0.AddSeconds(30)).RecoverExpired();
        Assert.Equal(BakeStatus.Running, (await Job(jobId)).Status);

        // Two replicas notice the expired lease at once: one re-queues, the other sees the new run and leaves it.
        var later = T0.AddMinutes(2);
        await Task.WhenAll(Recovery(later).RecoverExpired(), Recovery(later).RecoverExpired());
        var job = await Job(jobId);
        Assert.Equal(BakeStatus.Queued, job.Status);
        Assert.Equal(2, job.Attempt);
        Assert.Equal(1, job.Interruptions);
        Assert.Empty(job.KlCurve);
        Assert.Equal(0, job.Step);
        Assert.Contains("re-queued", job.Message);
        Assert.Equal([$"adapters/{jobId:N}", $"adapters/{jobId:N}-run2"], DispatchedPaths(jobId));
        lock (db.Dispatcher.Dispatched) Assert.Equal(2, db.Dispatcher.Dispatched.Last(d => d.Job.Id == jobId).Job.Attempt);
        var events = await db.In(sp => sp.GetRequiredService<IDocumentSession>().Events.FetchStreamAsync(jobId));
        Assert.Single(events, e => e.Data is BakeRequeued);
    }

    [Fact]
    public async Task AHeartbeatKeepsASilentJobsLease()
    {
        var user = await db.NewUser();
        var jobId = await Request(user);
        await Journal(async j => { await j.Started(jobId, 1, "w1", T0); await j.Renewed(jobId, 1, "w1", T0.AddSeconds(50)); });
        await Recovery(T0.AddSeconds(90)).RecoverExpired();
        Assert.Equal(BakeStatus.Running, (await Job(jobId)).Status);
        await Recovery(T0.AddSeconds(111)).RecoverExpired();
        Assert.Equal(BakeStatus.Queued, (await Job(jobId)).Status);
    }

    [Fact]
    public async Task ReportsFromTheLostRunAreIgnoredAndOnlyTheNewRunMakesTheModel()
    {
        var user = await db.NewUser();
        var jobId = await Request(user);
        await Journal(j => j.Started(jobId, 1, "slow", T0));
        await Recovery(T0.AddMinutes(2)).RecoverExpired();

        // The first worker was only slow: everything it says now is about a run that no longer counts.
        await Journal(async j =>
        {
            await j.Progressed(jobId, 1, Progress(9, T0.AddMinutes(3)));
            await j.Renewed(jobId, 1, "slow", T0.AddMinutes(3));
            Assert.Null(await j.Completed(jobId, 1, $"adapters/{jobId:N}", 1, 0.1, 3, 1, 1, T0.AddMinutes(3)));
            await j.Failed(jobId, 1, "the bus is stopping", T0.AddMinutes(3));
        });
        var requeued = await Job(jobId);
        Assert.Equal(BakeStatus.Queued, requeued.Status);
        Assert.Empty(requeued.KlCurve);
        Assert.Null(requeued.LeaseRenewedAt);

        var modelId = await db.In(async sp =>
        {
            var j = sp.GetRequiredService<IBakeJournal>();
            await j.Started(jobId, 2, "w2", T0.AddMinutes(4));
            return await j.Completed(jobId, 2, $"adapters/{jobId:N}-run2", 1, 0.1, 3, 1, 1, T0.AddMinutes(5));
        });
        var done = await Job(jobId);
        Assert.Equal(BakeStatus.Completed, done.Status);
        Assert.Equal(modelId, done.ResultModelId);
        var model = Assert.Single(await db.In(sp => sp.GetRequiredService<IModelCatalog>().ByOwner(user.UserId!.Value, user)));
        Assert.Equal($"adapters/{jobId:N}-run2", model.Adapters.Single().Path);
    }

    [Fact]
    public async Task AJobThatLosesItsWorkerTooOftenFailsWithTheReasonAndFreesTheQuota()
    {
        var user = await db.NewUser();
        var jobId = await Request(user);
        await Request(user);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Request(user));
        Assert.Equal(DomainError.QuotaExceeded, refused.Error);

        await Journal(j => j.Started(jobId, 1, "w1", T0));
        await Recovery(T0.AddMinutes(2), maxAttempts: 2).RecoverExpired();
        Assert.Equal(BakeStatus.Queued, (await Job(jobId)).Status);
        await Journal(j => j.Started(jobId, 2, "w2", T0.AddMinutes(3)));
        await Recovery(T0.AddMinutes(5), maxAttempts: 2).RecoverExpired();

        var job = await Job(jobId);
        Assert.Equal(BakeStatus.Failed, job.Status);
        Assert.Contains("lost its worker 2 times", job.FailureReason);
        Assert.Contains("stopped answering", job.FailureReason);
        Assert.Equal(2, DispatchedPaths(jobId).Count);
        await Request(user);   // the failed job no longer counts against the limit of 2
    }

    [Fact]
    public async Task AfterARestartQueuedAndRunningJobsAreRequeuedAndFinishedOnesLeftAlone()
    {
        var user = await db.NewUser();
        var queued = await Request(user);
        var running = await Request(user);
        await Journal(j => j.Started(running, 1, "w1", DateTimeOffset.UtcNow));
        var finished = await db.In(async sp =>
        {
            var other = await db.NewUser();
            var id = await sp.GetRequiredService<IBakeService>().Request(
                new BakeRequest(db.StarterId, "Done", null, Visibility.Public, BakePresets.Pirate, StoreFixture.Settings()), other);
            await sp.GetRequiredService<IBakeJournal>().Failed(id, 1, "done already", T0);
            return id;
        });

        // The lease of the running job is fresh: only the restart says its worker is gone.
        await Recovery(DateTimeOffset.UtcNow).RecoverAfterRestart();

        var q = await Job(queued);
        var r = await Job(running);
        Assert.Equal((BakeStatus.Queued, 2, 0), (q.Status, q.Attempt, q.Interruptions));
        Assert.Equal((BakeStatus.Queued, 2, 1), (r.Status, r.Attempt, r.Interruptions));
        Assert.Equal(BakeStatus.Failed, (await Job(finished)).Status);
        Assert.Equal(2, DispatchedPaths(queued).Count);
        Assert.Single(DispatchedPaths(finished));
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
