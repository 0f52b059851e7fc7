using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Bus;
using Arena.Web.Components.Pages.Jobs;
using Bunit;

namespace Arena.Web.Tests.Components;

/// <summary>The job page's progress as a whole job (issue 24 item 12): one bar and one ETA across phases, the
/// queue position while queued, and no phase's leftovers ("Step 1 of 1", a KL point labelled "1") once finished.</summary>
public sealed class JobProgressTests : ComponentTest
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly BakeJob _job;

    public JobProgressTests()
    {
        SignInAsAlice();
        _job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", Guid.NewGuid(), "Pirate", "",
            Visibility.Public, new BakeRecipe { Prompt = "You are a pirate.", Epochs = 2 }, T0));
        Bakes.Jobs[_job.Id] = _job;
    }

    private IRenderedComponent<JobPage> RenderJob() => Context.Render<JobPage>(p => p.Add(c => c.Id, _job.Id));

    private Task Push(string phase, int step, int total, double? kl = null, double? eta = 42) =>
        Feed.Publish(new JobUpdate(_job.Id, JobUpdateKind.Progress, T0.AddSeconds(step), Phase: phase, Step: step,
            TotalSteps: total, Kl: kl, TokensPerSecond: 1500, EtaSeconds: eta));

    private static int Bar(IRenderedComponent<JobPage> cut) => int.Parse(cut.Find("[data-testid=job-progress-bar]").GetAttribute("data-value")!);

    [Fact]
    public async Task TheBarCoversTheWholeJobAndDoesNotRestartAtEachPhase()
    {
        var cut = RenderJob();
        await Feed.Publish(new JobUpdate(_job.Id, JobUpdateKind.Started, T0));

        await Push("sampling", 40, 40);
        var afterSampling = 0;
        cut.WaitForAssertion(() => Assert.True((afterSampling = Bar(cut)) > 0));
        // Validation before training reports step 0 of n; the first training step: the bar only moves on.
        await Push("validating", 0, 4, eta: null);
        await Push("training", 1, 20, 0.9);
        cut.WaitForAssertion(() =>
        {
            Assert.InRange(Bar(cut), afterSampling, 99);
            Assert.Contains("training", cut.Find("[data-testid=job-steps]").TextContent);
        });
        var expected = _job.CostEstimate();
        Assert.Equal((expected.FractionAt("training", 1, 20)!.Value * 100).ToString("0"), Bar(cut).ToString());
    }

    [Fact]
    public async Task TheEtaWhileSamplingIncludesTheTrainingStillToCome()
    {
        var cut = RenderJob();

        await Push("sampling", 10, 40, eta: 42);

        var training = TimeSpan.FromSeconds(Math.Round(42 + _job.CostEstimate().TrainingSeconds));
        cut.WaitForAssertion(() => Assert.Contains(training.ToString(@"h\:mm\:ss"), cut.Find(".job-eta").TextContent));
        Assert.DoesNotContain("0:00:42", cut.Find(".job-eta").TextContent);
    }

    [Fact]
    public async Task AFinishedJobSaysItFinishedNotStepOneOfOne()
    {
        _job.Apply(new BakeStarted("w", T0));
        var cut = RenderJob();

        await Push("training", 20, 20, 0.1);
        await Push("done", 1, 1, 0.08);
        await Feed.Publish(new JobUpdate(_job.Id, JobUpdateKind.Completed, T0.AddSeconds(95), ResultModelId: Guid.NewGuid(),
            AdapterPath: "a", KlBefore: 1, KlAfter: 0.08, Seconds: 95));

        cut.WaitForAssertion(() =>
        {
            var steps = cut.Find("[data-testid=job-steps]").TextContent;
            Assert.DoesNotContain("Step 1 of 1", steps);
            Assert.Contains("Finished in 1:35", steps);
            Assert.Equal(100, Bar(cut));
        });
    }

    [Fact]
    public void AQueuedJobShowsItsPlaceInTheQueue()
    {
        Bakes.Ahead = 2;

        var cut = RenderJob();

        Assert.Contains("2 bakes ahead", cut.Find("[data-testid=job-steps]").TextContent);
    }

    [Fact]
    public async Task ACancelledQueuedJobSaysCancelledNotWaiting()
    {
        var cut = RenderJob();

        await Feed.Publish(new JobUpdate(_job.Id, JobUpdateKind.Cancelled, T0.AddSeconds(5)));

        cut.WaitForAssertion(() =>
        {
            var steps = cut.Find("[data-testid=job-steps]").TextContent;
            Assert.Contains("Cancelled", steps);
            Assert.DoesNotContain("Waiting for the worker", cut.Markup);
        });
    }

    [Fact]
    public async Task TheKlChartLabelsEpochsAndItsLastLabelIsTheLastEpochNotOne()
    {
        var cut = RenderJob();
        for (var step = 1; step <= 20; step++) await Push("training", step, 20, 1.0 / step);
        await Push("done", 1, 1, 0.05);

        cut.WaitForAssertion(() =>
        {
            var labels = cut.FindAll(".mud-charts-xaxis text").Select(t => t.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            Assert.Equal(["epoch 1", "epoch 2"], labels);
        });
        Assert.Equal(20, _job.KlCurve.Count);
    }
}
