using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>The estimate calibrated from bakes completed on this installation, and a queued job's place in line,
/// on the real store. Each test bakes on a base model of its own, so the others' jobs do not count.</summary>
public sealed class BakeCalibrationTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    async Task<Guid> NewBaseModel()
    {
        var name = "base-" + Guid.NewGuid().ToString("N")[..8];
        await db.In(sp => sp.GetRequiredService<IModelCatalog>().EnsureBaseModels([name]));
        return ModelCatalog.BaseModelId(name);
    }

    async Task<Guid> Request(Guid parent, Viewer? user = null) =>
        await db.In(async sp => await sp.GetRequiredService<IBakeService>().Request(
            new BakeRequest(parent, "Pirate", "", Visibility.Public, BakePresets.Pirate, StoreFixture.Settings()), user ?? await db.NewUser()));

    async Task Complete(Guid parent, double sampling, double training)
    {
        var jobId = await Request(parent);
        await db.In(async sp =>
        {
            var journal = sp.GetRequiredService<IBakeJournal>();
            await journal.Started(jobId, 1, "w", T0);
            await journal.Completed(jobId, 1, $"adapters/{jobId:N}", 1, 0.1, 90, sampling, training, T0.AddSeconds(90));
        });
    }

    Task<BakeSpeeds> Speeds(Guid parent, Viewer user) => db.In(sp => sp.GetRequiredService<IBakeService>().Speeds(parent, user));

    [Fact]
    public async Task WithNoBakeCompletedOnTheModelTheEstimateIsTheBenchmarks()
    {
        var other = await NewBaseModel();
        await Complete(other, 100, 100);

        Assert.Equal(BakeSpeeds.Benchmark, await Speeds(await NewBaseModel(), await db.NewUser()));
    }

    [Fact]
    public async Task TheSpeedsAreTheMedianOfTheBakesCompletedOnTheSameBaseModel()
    {
        var model = await NewBaseModel();
        var other = await NewBaseModel();
        await Complete(model, 1000, 800);
        await Complete(model, 300, 200);
        await Complete(model, 1200, 900);
        await Complete(other, 5, 5);

        var speeds = await Speeds(model, await db.NewUser());

        Assert.Equal(new BakeSpeeds(1000, 800, 3), speeds);
        Assert.Contains("last 3 bakes", speeds.Basis);
        Assert.True(BakeEstimate.Duration(StoreFixture.Settings(), speeds) > BakeEstimate.Duration(StoreFixture.Settings()));
    }

    [Fact]
    public async Task ARequestedJobKeepsTheSpeedsItsEstimateWasMadeWith()
    {
        var model = await NewBaseModel();
        await Complete(model, 600, 400);
        var user = await db.NewUser();

        var jobId = await Request(model, user);

        var job = await db.In(sp => sp.GetRequiredService<IBakeService>().Find(jobId, user));
        Assert.Equal(new BakeSpeeds(600, 400, 1), job!.Speeds);
    }

    [Fact]
    public async Task AQueuedJobCountsTheQueuedJobsRequestedBeforeIt()
    {
        var model = await NewBaseModel();
        var (alice, bob) = (await db.NewUser(), await db.NewUser());
        var first = await Request(model, alice);
        var second = await Request(model, bob);
        Task<int?> Ahead(Guid id, Viewer v) => db.In(sp => sp.GetRequiredService<IBakeService>().QueueAhead(id, v));

        var before = (await Ahead(first, alice))!.Value;
        Assert.Equal(before + 1, await Ahead(second, bob));

        // A job that started, or was cancelled, no longer holds a place in the line.
        await db.In(sp => sp.GetRequiredService<IBakeJournal>().Started(first, 1, "w", T0));
        Assert.Equal(before, await Ahead(second, bob));
        Assert.Null(await Ahead(first, alice));
        await db.In(sp => sp.GetRequiredService<IBakeService>().Cancel(second, bob));
        Assert.Null(await Ahead(second, bob));
    }
}
