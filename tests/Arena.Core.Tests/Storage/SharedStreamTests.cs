using Arena.Core.Bakes;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>
/// Two writers appending to one bake job's stream at the same moment, made to collide on purpose with
/// <see cref="HeldAppend"/>: the first append is written and held uncommitted, the second starts and waits on it, then
/// the first commits. Each case ends in one defined state, whichever way round the writers meet.
/// </summary>
public sealed class SharedStreamTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    IDocumentStore Store => db.Services.GetRequiredService<IDocumentStore>();

    async Task<(Viewer User, Guid JobId)> RunningJob(string name)
    {
        var user = await db.NewUser();
        var jobId = await db.In(sp => sp.GetRequiredService<IBakeService>().Request(
            new BakeRequest(db.StarterId, name, "", Visibility.Private, BakePresets.Pirate, StoreFixture.Settings()), user));
        await db.In(sp => sp.GetRequiredService<IBakeJournal>().Started(jobId, 1, "worker-1", T0));
        return (user, jobId);
    }

    static BakeProgressed Progress(int step) => new("training", step, 10, 0.5, 1000, 5, null, T0.AddSeconds(step));

    async Task<List<Type>> EventTypes(Guid jobId) =>
        (await db.In(sp => sp.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(jobId))).Select(e => e.EventType).ToList();

    Task<BakeJob?> Job(Guid jobId, Viewer user) => db.In(sp => sp.GetRequiredService<IBakeService>().Find(jobId, user));

    [Fact]
    public async Task ACancelThatMeetsAProgressReportStillCancels()
    {
        // Issue 30: the owner's cancel and a worker's progress report take the same stream version.
        var (user, jobId) = await RunningJob("cancel meets progress");
        await using var report = await HeldAppend.Start<BakeJob>(Store, jobId, Progress(3));

        var cancel = db.In(sp => sp.GetRequiredService<IBakeService>().Cancel(jobId, user));
        await report.WaitUntilBlocking(cancel);
        await report.Commit();
        await cancel;

        Assert.Equal(BakeStatus.Cancelled, (await Job(jobId, user))!.Status);
        Assert.Equal([typeof(BakeRequested), typeof(BakeStarted), typeof(BakeProgressed), typeof(BakeCancelled)], await EventTypes(jobId));
        Assert.Contains(jobId, db.Dispatcher.Cancelled);
    }

    [Fact]
    public async Task ACancelThatMeetsACompletionIsRefusedAndTheBakeStaysCompleted()
    {
        var (user, jobId) = await RunningJob("cancel meets completion");
        await using var completion = await HeldAppend.Start<BakeJob>(Store, jobId,
            new BakeCompleted(Guid.NewGuid(), "adapters/done", 1, 0.1, 3, 1, 1, T0.AddSeconds(30)));

        var cancel = db.In(sp => sp.GetRequiredService<IBakeService>().Cancel(jobId, user));
        await completion.WaitUntilBlocking(cancel);
        await completion.Commit();

        var refused = await Assert.ThrowsAsync<DomainException>(() => cancel);
        Assert.Equal(DomainError.Conflict, refused.Error);
        Assert.Equal("the job already completed", refused.Message);
        Assert.Equal(BakeStatus.Completed, (await Job(jobId, user))!.Status);
        Assert.Equal([typeof(BakeRequested), typeof(BakeStarted), typeof(BakeCompleted)], await EventTypes(jobId));
        Assert.DoesNotContain(jobId, db.Dispatcher.Cancelled);
    }

    [Fact]
    public async Task ACompletionThatMeetsACancelIsDroppedAndMakesNoModel()
    {
        var (user, jobId) = await RunningJob("completion meets cancel");
        await using var cancel = await HeldAppend.Start<BakeJob>(Store, jobId, new BakeCancelled(user.UserName!, T0.AddSeconds(20)));

        var completion = db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, "adapters/late", 1, 0.1, 3, 1, 1, T0.AddSeconds(30)));
        await cancel.WaitUntilBlocking(completion);
        await cancel.Commit();

        Assert.Null(await completion);
        Assert.Equal(BakeStatus.Cancelled, (await Job(jobId, user))!.Status);
        Assert.Equal([typeof(BakeRequested), typeof(BakeStarted), typeof(BakeCancelled)], await EventTypes(jobId));
        Assert.Empty(await db.In(sp => sp.GetRequiredService<IModelCatalog>().ByOwner(user.UserId!.Value, user)));
    }

    [Fact]
    public async Task AProgressReportThatMeetsAnotherIsKept()
    {
        var (user, jobId) = await RunningJob("progress meets progress");
        await using var first = await HeldAppend.Start<BakeJob>(Store, jobId, Progress(1));

        var second = db.In(sp => sp.GetRequiredService<IBakeJournal>().Progressed(jobId, 1, Progress(2)));
        await first.WaitUntilBlocking(second);
        await first.Commit();
        await second;

        Assert.Equal([1, 2], (await Job(jobId, user))!.KlCurve.Select(p => p.Step));
    }
}
