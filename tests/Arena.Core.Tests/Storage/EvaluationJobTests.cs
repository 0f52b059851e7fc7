using Arena.Core.Bakes;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>An evaluation job's life on the real store: request (checked), worker reports, cancel, and who sees it.</summary>
public sealed class EvaluationJobTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    Task<Guid> Request(Viewer v, EvaluationRequest r) => db.In(sp => sp.GetRequiredService<IEvaluationService>().Request(r, v));

    Task<EvaluationJob?> Find(Guid id, Viewer v) => db.In(sp => sp.GetRequiredService<IEvaluationService>().Find(id, v));

    Task Report(Func<IEvaluationJournal, Task> f) => db.In(sp => f(sp.GetRequiredService<IEvaluationJournal>()));

    async Task<ArenaModel> Baked(Viewer owner, Visibility visibility, string prompt = "You are a pirate.")
    {
        var m = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = "m" + Guid.NewGuid().ToString("N")[..6], OwnerId = owner.UserId, OwnerName = owner.UserName!,
            Visibility = visibility, Kind = ModelKind.Baked, BaseModel = "starter", ParentId = db.StarterId, AncestorIds = [db.StarterId],
            Adapters = [new AdapterLayer(Guid.NewGuid(), "adapters/x", 1.0)], BakedPrompts = [prompt], Created = T0,
        };
        await db.In(async sp => { var s = sp.GetRequiredService<IDocumentSession>(); s.Insert(m); await s.SaveChangesAsync(); });
        return m;
    }

    [Fact]
    public async Task ARequestIsRecordedAndDispatchedWithTheModelsLastPromptForPromptedConditions()
    {
        var user = await db.NewUser();
        var model = await Baked(user, Visibility.Public);

        var id = await Request(user, new EvaluationRequest(model.Id, "retention", ["base", "prompted", "model"], Limit: 8));

        var job = await Find(id, user);
        Assert.Equal((BakeStatus.Queued, "retention@1", "You are a pirate.", 8), (job!.Status, job.Suite, job.Prompt, job.Limit));
        Assert.Equal(["base", "prompted", "model"], job.Conditions);
        Assert.Equal(model.Id, Assert.Single(db.Evaluations.Dispatched, d => d.Job.Id == id).Model.Id);
    }

    [Fact]
    public async Task WorkerReportsMoveTheJobAndNothingMovesAFinishedOne()
    {
        var user = await db.NewUser();
        var id = await Request(user, new EvaluationRequest(db.StarterId, "arithmetic", ["model"], Limit: 4));

        await Report(j => j.Started(id, T0));
        await Report(j => j.Progressed(id, 3, 8));
        Assert.Equal((BakeStatus.Running, 3, 8), ((await Find(id, user))!.Status, (await Find(id, user))!.Done, (await Find(id, user))!.Total));
        await Report(j => j.Succeeded(id, """{"suite": "arithmetic@1", "complete": true, "conditions": []}""", T0.AddSeconds(5)));
        await Report(j => j.Failed(id, "late failure", T0.AddSeconds(6)));

        var done = await Find(id, user);
        Assert.Equal(BakeStatus.Completed, done!.Status);
        Assert.Contains("arithmetic@1", done.ResultJson);
        Assert.Null(done.FailureReason);
    }

    [Fact]
    public async Task OnlyTheOwnerCancelsAndTheWorkersPartialScoresAreKept()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var id = await Request(alice, new EvaluationRequest(db.StarterId, "retention", ["model"]));

        var refused = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IEvaluationService>().Cancel(id, bob)));
        Assert.Equal(DomainError.Forbidden, refused.Error);
        await db.In(sp => sp.GetRequiredService<IEvaluationService>().Cancel(id, alice));
        await Report(j => j.Cancelled(id, """{"complete": false}""", T0));

        var job = await Find(id, alice);
        Assert.Equal(BakeStatus.Cancelled, job!.Status);
        Assert.Contains("false", job.ResultJson);
        Assert.Contains(id, db.Evaluations.Cancelled);
    }

    [Theory]
    [InlineData("nosuch", "model", "unknown suite 'nosuch'")]
    [InlineData("retention", "prompted", "needs a prompt")]
    [InlineData("retention", "baked", "unknown condition 'baked'")]
    public async Task ABadRequestIsRefusedWithTheReason(string suite, string condition, string expected)
    {
        var user = await db.NewUser();
        var e = await Assert.ThrowsAsync<DomainException>(() => Request(user, new EvaluationRequest(db.StarterId, suite, [condition])));
        Assert.Equal(DomainError.Invalid, e.Error);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task AnonymousVisitorsCannotRunSuites()
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => Request(Viewer.Anonymous, new EvaluationRequest(db.StarterId, "retention", ["model"])));
        Assert.Equal(DomainError.Unauthenticated, e.Error);
    }

    [Fact]
    public async Task AUserHasAtMostTwoEvaluationsOpen()
    {
        var user = await db.NewUser();
        await Request(user, new EvaluationRequest(db.StarterId, "retention", ["model"]));
        await Request(user, new EvaluationRequest(db.StarterId, "arithmetic", ["model"]));
        var e = await Assert.ThrowsAsync<DomainException>(() => Request(user, new EvaluationRequest(db.StarterId, "instructions", ["model"])));
        Assert.Equal(DomainError.QuotaExceeded, e.Error);
    }

    [Fact]
    public async Task APrivateModelsEvaluationsAreInvisibleToOthersEverywhere()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var secret = await Baked(alice, Visibility.Private, "The launch code is 7-7-7.");
        var id = await Request(alice, new EvaluationRequest(secret.Id, "retention", ["model", "prompted"]));

        Assert.NotNull(await Find(id, alice));
        Assert.Null(await Find(id, bob));
        Assert.Null(await Find(id, Viewer.Anonymous));
        Assert.Empty(await db.In(sp => sp.GetRequiredService<IEvaluationService>().ForModel(secret.Id, bob)));
        var bobRuns = await Assert.ThrowsAsync<DomainException>(() => Request(bob, new EvaluationRequest(secret.Id, "retention", ["model"])));
        Assert.Equal(DomainError.NotFound, bobRuns.Error);
        Assert.Single(await db.In(sp => sp.GetRequiredService<IEvaluationService>().ForModel(secret.Id, alice)));
    }

    [Fact]
    public async Task ARunComparesOnlyWithRunsOfTheSameSuiteOnModelsTheViewerMaySee()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var open = await Baked(alice, Visibility.Public);
        var hidden = await Baked(alice, Visibility.Private);
        async Task<Guid> Done(Viewer v, Guid model, string suite)
        {
            var id = await Request(v, new EvaluationRequest(model, suite, ["model"], Limit: 2));
            await Report(j => j.Succeeded(id, "{}", T0));
            return id;
        }
        var bobsRun = await Done(bob, db.StarterId, "retention");
        var onOpen = await Done(alice, open.Id, "retention");
        var onHidden = await Done(alice, hidden.Id, "retention");
        var otherSuite = await Done(alice, open.Id, "arithmetic");

        var forBob = await db.In(sp => sp.GetRequiredService<IEvaluationService>().Comparable(bobsRun, bob));
        Assert.Contains(forBob, j => j.Id == onOpen);
        Assert.DoesNotContain(forBob, j => j.Id == onHidden || j.Id == otherSuite);
        var forAlice = await db.In(sp => sp.GetRequiredService<IEvaluationService>().Comparable(bobsRun, alice));
        Assert.Contains(forAlice, j => j.Id == onHidden);
    }

    [Fact]
    public async Task OpenRunsLostInARestartFailWithTheReasonAndFinishedOnesStay()
    {
        var user = await db.NewUser();
        var queued = await Request(user, new EvaluationRequest(db.StarterId, "retention", ["model"]));
        var finished = await Request(user, new EvaluationRequest(db.StarterId, "arithmetic", ["model"]));
        await Report(j => j.Succeeded(finished, "{}", T0));

        await Report(j => j.FailOpen("the platform restarted", T0));

        Assert.Equal((BakeStatus.Failed, "the platform restarted"), ((await Find(queued, user))!.Status, (await Find(queued, user))!.FailureReason));
        Assert.Equal(BakeStatus.Completed, (await Find(finished, user))!.Status);
    }

    [Fact]
    public async Task ARunWhoseWorkerWentSilentFailsAndOneWithAFreshHeartbeatRuns()
    {
        var user = await db.NewUser();
        var lost = await Request(user, new EvaluationRequest(db.StarterId, "retention", ["model"]));
        var alive = await Request(user, new EvaluationRequest(db.StarterId, "arithmetic", ["model"]));
        await Report(j => j.Started(lost, T0));
        await Report(j => j.Started(alive, T0));
        await Report(j => j.Renewed(alive, T0.AddSeconds(50)));

        await Report(j => j.FailExpired(TimeSpan.FromSeconds(60), T0.AddSeconds(70)));

        var failed = await Find(lost, user);
        Assert.Equal(BakeStatus.Failed, failed!.Status);
        Assert.Contains("worker running this evaluation was lost", failed.FailureReason);
        Assert.Equal(BakeStatus.Running, (await Find(alive, user))!.Status);
    }
}
