using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>A bake job's life on the real event store: request → worker reports → projection and model document.</summary>
public sealed class BakeFlowTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    Task<Guid> Request(Viewer v, Guid parent, BakeRecipe? s = null, Visibility vis = Visibility.Public, string name = "Pirate") =>
        db.In(sp => sp.GetRequiredService<IBakeService>().Request(new BakeRequest(parent, name, "arr", vis, BakePresets.Pirate, s ?? StoreFixture.Settings()), v));

    Task<BakeJob?> Job(Guid id, Viewer v) => db.In(sp => sp.GetRequiredService<IBakeService>().Find(id, v));

    static async Task Progress(IServiceProvider sp, Guid id, int step, double kl) =>
        await sp.GetRequiredService<IBakeJournal>().Progressed(id, 1, new BakeProgressed("training", step, 10, kl, 1500, 5, null, T0.AddSeconds(step)));

    [Fact]
    public async Task RequestStartsAStreamAndDispatchesTheJobWithTheParentsStack()
    {
        var user = await db.NewUser();
        var jobId = await Request(user, db.StarterId);
        var job = await Job(jobId, user);
        Assert.Equal(BakeStatus.Queued, job!.Status);
        Assert.Equal("You are a pirate.", job.Settings.Prompt);
        var sent = Assert.Single(db.Dispatcher.Dispatched, d => d.Job.Id == jobId);
        Assert.Equal("starter", sent.Parent.BaseModel);
        Assert.Equal($"adapters/{jobId:N}", sent.OutputPath);
        var events = await db.In(sp => sp.GetRequiredService<IDocumentSession>().Events.FetchStreamAsync(jobId));
        Assert.IsType<BakeRequested>(Assert.Single(events).Data);
    }

    [Fact]
    public async Task WorkerReportsFoldIntoTheJobAndCompletionCreatesTheModel()
    {
        var user = await db.NewUser();
        var jobId = await Request(user, db.StarterId);
        await db.In(async sp =>
        {
            var journal = sp.GetRequiredService<IBakeJournal>();
            await journal.Started(jobId, 1, "worker-1", T0);
            await Progress(sp, jobId, 1, 0.9);
            await Progress(sp, jobId, 5, 0.4);
            await Progress(sp, jobId, 10, 0.1);
        });
        var running = await Job(jobId, user);
        Assert.Equal(BakeStatus.Running, running!.Status);
        Assert.Equal([0.9, 0.4, 0.1], running.KlCurve.Select(p => p.Kl));
        Assert.Equal(1.0, running.Fraction);

        var card = new Arena.Contracts.Bakes.BakeReportCard
        {
            Rule = "persona/pirate",
            Ceiling = new Arena.Contracts.Bakes.RateSummary(0.9, 0.7, 0.97, 24),
            Baked = new Arena.Contracts.Bakes.RateSummary(0.8, 0.6, 0.91, 24),
            Fidelity = 0.8 / 0.9,
            Samples = [new Arena.Contracts.Bakes.ReportCardSample("What does a cow say?", "Moo.", "Arr, moo!", "Arr, moo it be.", false, true, true)],
            Verdict = Arena.Contracts.Bakes.ReportVerdicts.Took,
            Summary = "Baked in.",
        };
        var modelId = await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, $"adapters/{jobId:N}", 0.8, 0.05, 31, 2000, 2100, T0.AddSeconds(31), card));
        Assert.NotNull(modelId);
        var done = await Job(jobId, user);
        Assert.Equal(BakeStatus.Completed, done!.Status);
        Assert.Equal(modelId, done.ResultModelId);
        // The report card comes back whole from the job's projection.
        Assert.Equal("persona/pirate", done.ReportCard!.Rule);
        Assert.Equal(card.Fidelity, done.ReportCard.Fidelity);
        Assert.Equal("Arr, moo it be.", Assert.Single(done.ReportCard.Samples).After);

        var model = await db.In(sp => sp.GetRequiredService<IModelCatalog>().Find(modelId!.Value, user));
        Assert.Equal("Pirate", model!.Name);
        Assert.Equal(ModelKind.Baked, model.Kind);
        Assert.Equal(db.StarterId, model.ParentId);
        Assert.Equal([db.StarterId], model.AncestorIds);
        Assert.Equal([new AdapterLayer(jobId, $"adapters/{jobId:N}", 1.0)], model.Adapters);
        Assert.Equal(["You are a pirate."], model.BakedPrompts);
        Assert.Equal(0.05, model.Recipe!.KlAfter);
        Assert.Equal(0.8, model.Recipe.ReportCard!.Baked!.Value);

        var events = await db.In(sp => sp.GetRequiredService<IDocumentSession>().Events.FetchStreamAsync(jobId));
        Assert.Equal([typeof(BakeRequested), typeof(BakeStarted), typeof(BakeProgressed), typeof(BakeProgressed), typeof(BakeProgressed), typeof(BakeCompleted)],
            events.Select(e => e.EventType));
    }

    [Fact]
    public async Task RedeliveredCompletionAndLateReportsChangeNothing()
    {
        var user = await db.NewUser();
        var jobId = await Request(user, db.StarterId);
        var first = await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, "adapters/x", 1, 0.1, 3, 1, 1, T0));
        var again = await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, "adapters/x", 1, 0.1, 3, 1, 1, T0));
        await db.In(sp => Progress(sp, jobId, 3, 0.5));
        await db.In(sp => sp.GetRequiredService<IBakeJournal>().Failed(jobId, 1, "late", T0));
        Assert.NotNull(first);
        Assert.Null(again);
        var job = await Job(jobId, user);
        Assert.Equal(BakeStatus.Completed, job!.Status);
        Assert.Empty(job.KlCurve);
        var mine = await db.In(sp => sp.GetRequiredService<IModelCatalog>().ByOwner(user.UserId!.Value, user));
        Assert.Single(mine);
    }

    [Fact]
    public async Task ForkOfABakedModelCarriesBothAdaptersAndPrompts()
    {
        var user = await db.NewUser();
        var j1 = await Request(user, db.StarterId);
        var m1 = (await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(j1, 1, "adapters/one", 1, 0.1, 3, 1, 1, T0)))!.Value;
        var j2 = await Request(user, m1, StoreFixture.Settings("Always end with: Stay curious!"), name: "Curious pirate");
        var sent = Assert.Single(db.Dispatcher.Dispatched, d => d.Job.Id == j2);
        Assert.Equal("adapters/one", Assert.Single(sent.Parent.Adapters).Path);
        var m2 = (await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(j2, 1, "adapters/two", 1, 0.1, 3, 1, 1, T0)))!.Value;
        var model = await db.In(sp => sp.GetRequiredService<IModelCatalog>().Find(m2, user));
        Assert.Equal(["adapters/one", "adapters/two"], model!.Adapters.Select(a => a.Path));
        Assert.Equal(["You are a pirate.", "Always end with: Stay curious!"], model.BakedPrompts);
        Assert.Equal([db.StarterId, m1], model.AncestorIds);
    }

    [Fact]
    public async Task FailureKeepsItsReasonAndCreatesNoModel()
    {
        var user = await db.NewUser();
        var jobId = await Request(user, db.StarterId);
        await db.In(sp => sp.GetRequiredService<IBakeJournal>().Failed(jobId, 1, "the loss became NaN at step 12", T0));
        var job = await Job(jobId, user);
        Assert.Equal(BakeStatus.Failed, job!.Status);
        Assert.Equal("the loss became NaN at step 12", job.FailureReason);
        Assert.Empty(await db.In(sp => sp.GetRequiredService<IModelCatalog>().ByOwner(user.UserId!.Value, user)));
    }

    [Fact]
    public async Task CancelIsOwnerOnlyAndWinsOverALateCompletion()
    {
        var owner = await db.NewUser();
        var other = await db.NewUser();
        var jobId = await Request(owner, db.StarterId);
        var e = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IBakeService>().Cancel(jobId, other)));
        Assert.Equal(DomainError.Forbidden, e.Error);

        await db.In(sp => sp.GetRequiredService<IBakeService>().Cancel(jobId, owner));
        Assert.Contains(jobId, db.Dispatcher.Cancelled);
        var late = await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, "adapters/late", 1, 0.1, 3, 1, 1, T0));
        Assert.Null(late);
        Assert.Equal(BakeStatus.Cancelled, (await Job(jobId, owner))!.Status);
        var again = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IBakeService>().Cancel(jobId, owner)));
        Assert.Equal(DomainError.Conflict, again.Error);
    }

    [Fact]
    public async Task RacingCompletionAndCancellationLeaveOneOutcome()
    {
        var user = await db.NewUser();
        for (int round = 0; round < 5; round++)
        {
            var jobId = await Request(user, db.StarterId, name: $"race {round}");
            var complete = db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, "adapters/r", 1, 0.1, 3, 1, 1, T0));
            var cancel = db.In(sp => sp.GetRequiredService<IBakeJournal>().Cancelled(jobId, 1, "worker", T0));
            await Task.WhenAll(complete, cancel);
            var job = await Job(jobId, user);
            var models = await db.In(sp => sp.GetRequiredService<IModelCatalog>().Search($"race {round}", user));
            if (job!.Status == BakeStatus.Completed) Assert.Equal(job.ResultModelId, Assert.Single(models).Id);
            else { Assert.Equal(BakeStatus.Cancelled, job.Status); Assert.Empty(models); }
        }
    }

    [Fact]
    public async Task ConcurrentProgressReportsAreAllKept()
    {
        // Several consumers (or replicas) may append to one stream at once; version conflicts are retried, not lost.
        var user = await db.NewUser();
        var jobId = await Request(user, db.StarterId, name: "parallel");
        await Task.WhenAll(Enumerable.Range(1, 8).Select(step => db.In(sp => Progress(sp, jobId, step, 1.0 / step))));
        var job = await Job(jobId, user);
        Assert.Equal(Enumerable.Range(1, 8), job!.KlCurve.Select(p => p.Step).Order());
    }

    [Fact]
    public async Task RequestsAreCheckedServerSide()
    {
        var user = await db.NewUser();
        var anon = await Assert.ThrowsAsync<DomainException>(() => Request(Viewer.Anonymous, db.StarterId));
        Assert.Equal(DomainError.Unauthenticated, anon.Error);
        var missing = await Assert.ThrowsAsync<DomainException>(() => Request(user, Guid.NewGuid()));
        Assert.Equal(DomainError.NotFound, missing.Error);
        var bad = await Assert.ThrowsAsync<DomainException>(() => Request(user, db.StarterId, StoreFixture.Settings() with { Rank = 0, LearningRate = 5 }));
        Assert.Equal(DomainError.Invalid, bad.Error);
        Assert.Contains("Rank", bad.Message);
        Assert.Contains("LearningRate", bad.Message);
        var huge = await Assert.ThrowsAsync<DomainException>(() => Request(user, db.StarterId, StoreFixture.Settings(new string('x', 50_000))));
        Assert.Contains("Prompt", huge.Message);
        var noName = await Assert.ThrowsAsync<DomainException>(() => Request(user, db.StarterId, name: "  "));
        Assert.Equal(DomainError.Invalid, noName.Error);
        Assert.Empty(await db.In(sp => sp.GetRequiredService<IBakeService>().Mine(user)));
    }

    [Fact]
    public async Task ThePerUserQuotaLimitsConcurrentBakes()
    {
        var user = await db.NewUser();
        var a = await Request(user, db.StarterId, name: "q1");
        await Request(user, db.StarterId, name: "q2");
        var e = await Assert.ThrowsAsync<DomainException>(() => Request(user, db.StarterId, name: "q3"));
        Assert.Equal(DomainError.QuotaExceeded, e.Error);
        await db.In(sp => sp.GetRequiredService<IBakeJournal>().Failed(a, 1, "x", T0));
        await Request(user, db.StarterId, name: "q3");
    }

    [Fact]
    public async Task PrivateJobsAreInvisibleToOthers()
    {
        var owner = await db.NewUser();
        var jobId = await Request(owner, db.StarterId, vis: Visibility.Private);
        Assert.NotNull(await Job(jobId, owner));
        Assert.Null(await Job(jobId, await db.NewUser()));
        Assert.Null(await Job(jobId, Viewer.Anonymous));
    }

    [Fact]
    public async Task AnUnreachableBusFailsTheJobWithAReason()
    {
        var user = await db.NewUser();
        db.Dispatcher.Fail = true;
        try
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => Request(user, db.StarterId));
            Assert.Equal(DomainError.Conflict, e.Error);
        }
        finally { db.Dispatcher.Fail = false; }
        var job = Assert.Single(await db.In(sp => sp.GetRequiredService<IBakeService>().Mine(user)));
        Assert.Equal(BakeStatus.Failed, job.Status);
        Assert.Contains("bus unreachable", job.FailureReason);
    }
}
