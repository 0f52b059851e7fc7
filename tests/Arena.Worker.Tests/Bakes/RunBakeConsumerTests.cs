using Arena.Testing;
using Arena.Contracts.Bakes;
using Arena.Contracts.Models;
using Arena.Worker.Tests.Support;

namespace Arena.Worker.Tests.Bakes;

[Collection(WorkerCollection.Name)]
public sealed class RunBakeConsumerTests(WorkerFixture fixture)
{
    static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    WorkerHost Host => fixture.Host;

    [Fact]
    public async Task TinyBakeReportsStartProgressAndSuccessAndWritesTheAdapter()
    {
        var baked = await fixture.TinyBake;
        var id = baked.Bake.JobId;

        var succeeded = Assert.IsType<BakeJobSucceeded>(baked.Outcome);
        Assert.Single(Host.Log.All<BakeJobStarted>(s => s.JobId == id));
        Assert.Equal("test-worker", Host.Log.All<BakeJobStarted>(s => s.JobId == id)[0].Worker);
        var progress = Host.Log.All<BakeJobProgress>(p => p.JobId == id);
        Assert.NotEmpty(progress);
        Assert.Contains(progress, p => p.Phase == "training");
        Assert.All(progress, p => Assert.Contains(p.Phase, new[] { "queries", "sampling", "training", "validating", "evaluating", "done" }));
        Assert.True(double.IsFinite(succeeded.KlBefore) && double.IsFinite(succeeded.KlAfter), $"KL {succeeded.KlBefore} → {succeeded.KlAfter}");
        Assert.True(succeeded.Seconds > 0 && succeeded.TrainingTokensPerSecond > 0 && succeeded.SamplingTokensPerSecond > 0);
        Assert.Equal("adapters/pirate", succeeded.AdapterPath);
        // Every bake comes with its report card: the pirate prompt is judged by the pirate rule.
        var card = succeeded.ReportCard;
        Assert.NotNull(card);
        Assert.Equal("persona/pirate", card.Rule);
        Assert.True(card.Complete);
        Assert.Equal(24, card.Baked!.Count);
        Assert.True(card.Ceiling!.Value > card.Floor!.Value, $"prompted {card.Ceiling.Value} vs unprompted {card.Floor.Value}");
        Assert.Equal(3, card.Samples.Count);
        Assert.All(card.Samples, s => Assert.False(string.IsNullOrWhiteSpace(s.After)));
        Assert.NotNull(card.RetentionParent);
        Assert.False(string.IsNullOrWhiteSpace(card.Summary));
        Assert.Contains(progress, p => p.Phase == "evaluating");
        // Prompt decay turn by turn from turn 1, and the per-token KL before and after, for the Evaluation tab.
        Assert.Equal(1, card.Decay[0].Turn);
        Assert.NotNull(card.Decay[0].Prompted);
        Assert.False(string.IsNullOrWhiteSpace(card.DecayNote));
        Assert.True(card.Kl!.Tokens > 0);
        Assert.Equal(card.Kl.Tokens, card.Kl.ModelCounts.Sum());
        Assert.Equal(card.Kl.Edges.Count + 1, card.Kl.BaseCounts.Count);

        var dir = Path.Combine(Host.ArtifactsRoot, "adapters", "pirate");
        foreach (var file in new[] { "adapter_config.json", "adapter_model.safetensors", "bake-report.json", "bake-summary.json" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.Empty(StagingFolders());
    }

    [Fact]
    public async Task RedeliveredBakeReportsTheSavedResultWithoutBakingAgain()
    {
        var baked = await fixture.TinyBake;
        var first = Assert.IsType<BakeJobSucceeded>(baked.Outcome);
        var weights = Path.Combine(Host.ArtifactsRoot, "adapters", "pirate", "adapter_model.safetensors");
        var written = File.GetLastWriteTimeUtc(weights);
        var progressBefore = Host.Log.All<BakeJobProgress>(p => p.JobId == baked.Bake.JobId).Count;

        await Host.Publish(baked.Bake);
        await Host.Log.WaitFor<BakeJobSucceeded>(s => s.JobId == baked.Bake.JobId && s != first, Quick);

        // Not baked again: no second start and no progress, only the saved result reported once more.
        Assert.Single(Host.Log.All<BakeJobStarted>(s => s.JobId == baked.Bake.JobId));
        var again = Host.Log.All<BakeJobSucceeded>(s => s.JobId == baked.Bake.JobId)[^1];
        Assert.Equal(first.KlBefore, again.KlBefore);
        Assert.Equal(first.KlAfter, again.KlAfter);
        Assert.Equal(first.ReportCard!.Summary, again.ReportCard!.Summary);
        Assert.Equal(written, File.GetLastWriteTimeUtc(weights));
        Assert.Equal(progressBefore, Host.Log.All<BakeJobProgress>(p => p.JobId == baked.Bake.JobId).Count);
    }

    [Fact]
    public async Task BakeWithNothingHeldOutStillSucceeds()
    {
        // One query leaves none for validation, so the engine has no before-KL (NaN), which JSON cannot carry.
        var bake = Recipes.Bake("adapters/one-query", Recipes.Tiny with { Queries = ["Tell me about cats."], Epochs = 1 });
        await Host.Publish(bake);

        var succeeded = Assert.IsType<BakeJobSucceeded>(await Host.Outcome(bake.JobId, Quick));

        Assert.True(double.IsFinite(succeeded.KlAfter));
        Assert.True(succeeded.KlBefore > 0, $"KL before {succeeded.KlBefore}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public async Task BakeFailsNamingTheRankWhenItIsOutOfBounds(int rank)
    {
        var bake = Recipes.Bake($"adapters/rank-{rank}", Recipes.Tiny with { Rank = rank });

        var failed = await FailureOf(bake);

        Assert.Contains("rank", failed.Reason);
        Assert.DoesNotContain("\n", failed.Reason);
        Assert.False(Directory.Exists(Path.Combine(Host.ArtifactsRoot, "adapters", $"rank-{rank}")));
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("adapters/../../escaped")]
    [InlineData("/tmp/absolute")]
    public async Task BakeFailsWhenTheOutputPathLeavesTheArtifactRoot(string output)
    {
        var failed = await FailureOf(Recipes.Bake(output));

        Assert.Contains(output, failed.Reason);
        Assert.False(Directory.Exists(Path.Combine(Host.ArtifactsRoot, "..", "escaped")));
    }

    [Fact]
    public async Task BakeFailsNamingAMissingBaseModel()
    {
        var failed = await FailureOf(Recipes.Bake("adapters/nobase", parent: new ModelSpec("no-such-model", [])));

        Assert.Contains("no-such-model", failed.Reason);
    }

    [Fact]
    public async Task BakeFailsNamingAMissingParentAdapter()
    {
        var failed = await FailureOf(Recipes.Bake("adapters/noparent", parent: new ModelSpec(RepoPaths.StarterName, [new AdapterRef("adapters/missing", 1)])));

        Assert.Contains("adapters/missing", failed.Reason);
    }

    [Fact]
    public async Task BakeCancelledWhileRunningStopsAndLeavesNoAdapter()
    {
        var bake = Recipes.Bake("adapters/cancelled", Recipes.Tiny with { Queries = [], TrajectoriesPerQuery = 8, MaxTokens = 64, Epochs = 8 });
        await Host.Publish(bake);
        // Progress is published only once the bake has started (and so can be cancelled here).
        await Host.Log.WaitFor<BakeJobProgress>(p => p.JobId == bake.JobId, Quick);

        await Host.Publish(new CancelBake(bake.JobId));
        var outcome = await Host.Outcome(bake.JobId, Quick);

        Assert.IsType<BakeJobCancelled>(outcome);
        // Stopped before finishing: no success, training never reached its last step, the bake never reported done.
        Assert.Empty(Host.Log.All<BakeJobSucceeded>(s => s.JobId == bake.JobId));
        var progress = Host.Log.All<BakeJobProgress>(p => p.JobId == bake.JobId);
        Assert.DoesNotContain(progress, p => p.Phase == "training" && p.Step >= p.TotalSteps);
        Assert.DoesNotContain(progress, p => p.Phase == "done");
        Assert.False(Directory.Exists(Path.Combine(Host.ArtifactsRoot, "adapters", "cancelled")));
        Assert.Empty(StagingFolders());
    }

    [Fact]
    public async Task BakeCancelledBeforeItArrivesIsNotRun()
    {
        var bake = Recipes.Bake("adapters/cancelled-early");
        await Host.Publish(new CancelBake(bake.JobId));
        // The cancel travels on its own queue: wait until the worker has handled it before sending the bake.
        await Host.Handled.WaitFor<CancelBake>(c => c.JobId == bake.JobId, Quick);

        await Host.Publish(bake);
        var outcome = await Host.Outcome(bake.JobId, Quick);

        Assert.IsType<BakeJobCancelled>(outcome);
        Assert.Empty(Host.Log.All<BakeJobStarted>(s => s.JobId == bake.JobId));
        Assert.False(Directory.Exists(Path.Combine(Host.ArtifactsRoot, "adapters", "cancelled-early")));
    }

    /// <summary>Hidden siblings a bake writes into before moving them in place; none may be left behind.</summary>
    List<string> StagingFolders()
    {
        var adapters = Path.Combine(Host.ArtifactsRoot, "adapters");
        return Directory.Exists(adapters) ? Directory.GetDirectories(adapters, ".*").ToList() : [];
    }

    async Task<BakeJobFailed> FailureOf(RunBake bake)
    {
        await Host.Publish(bake);
        return Assert.IsType<BakeJobFailed>(await Host.Outcome(bake.JobId, Quick));
    }
}
