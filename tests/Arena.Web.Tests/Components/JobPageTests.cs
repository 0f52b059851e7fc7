using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Bus;
using Arena.Web.Components.Pages.Jobs;
using Bunit;

namespace Arena.Web.Tests.Components;

public sealed class JobPageTests : ComponentTest
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly BakeJob _job;

    public JobPageTests()
    {
        SignInAsAlice();
        _job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", Guid.NewGuid(), "Pirate", "",
            Visibility.Public, new BakeRecipe { Prompt = "You are a pirate." }, T0));
        Bakes.Jobs[_job.Id] = _job;
    }

    private IRenderedComponent<JobPage> RenderJob() => Context.Render<JobPage>(p => p.Add(c => c.Id, _job.Id));

    private Task Push(JobUpdate update) => Feed.Publish(update);

    private static JobUpdate Progress(Guid id, string phase, int step, int total, double? kl) =>
        new(id, JobUpdateKind.Progress, T0.AddSeconds(step), Phase: phase, Step: step, TotalSteps: total, Kl: kl,
            TokensPerSecond: 1500, EtaSeconds: 42);

    [Fact]
    public void AQueuedJobShowsItsStateAndACancelButtonForItsOwner()
    {
        var cut = RenderJob();

        Assert.Equal("Queued", cut.Find("[data-testid=job-progress]").GetAttribute("data-status"));
        Assert.Contains("queued", cut.Find(".job-phase").TextContent);
        Assert.NotNull(cut.Find("[data-testid=cancel-job]"));
        Assert.Equal(1, Feed.SubscriberCount(_job.Id));
    }

    [Fact]
    public async Task ProgressUpdatesMoveTheBarPhaseAndKl()
    {
        var cut = RenderJob();

        await Push(new JobUpdate(_job.Id, JobUpdateKind.Started, T0));
        await Push(Progress(_job.Id, "training", 5, 20, 0.8123));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Running", cut.Find("[data-testid=job-progress]").GetAttribute("data-status"));
            Assert.Contains("training", cut.Find(".job-phase").TextContent);
            // The bar is the whole job's: sampling (all done by training) counts beside the training steps.
            Assert.Equal(Percent(_job.CostEstimate().FractionAt("training", 5, 20)), cut.Find("[data-testid=job-progress-bar]").GetAttribute("data-value"));
            Assert.Contains("0.8123", cut.Find(".job-kl").TextContent);
            Assert.Contains("1,500 tokens/s", cut.Find(".job-speed").TextContent);
            Assert.Contains("0:00:42", cut.Find(".job-eta").TextContent);
        });

        await Push(Progress(_job.Id, "training", 10, 20, 0.4));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(Percent(_job.CostEstimate().FractionAt("training", 10, 20)), cut.Find("[data-testid=job-progress-bar]").GetAttribute("data-value"));
            Assert.Contains("0.4000", cut.Find(".job-kl").TextContent);
        });
    }

    private static string Percent(double? fraction) => (fraction!.Value * 100).ToString("0");

    [Fact]
    public async Task ARedeliveredProgressReportDoesNotDuplicateTheCurve()
    {
        var cut = RenderJob();

        await Push(Progress(_job.Id, "training", 1, 20, 0.9));
        await Push(Progress(_job.Id, "training", 1, 20, 0.9));
        await Push(Progress(_job.Id, "training", 2, 20, 0.8));

        // The fake hands the page the very job object it then folds updates into.
        cut.WaitForAssertion(() => Assert.Equal([0.9, 0.8], _job.KlCurve.Select(p => p.Kl)));
    }

    [Fact]
    public async Task UpdatesForOtherJobsAreIgnored()
    {
        var cut = RenderJob();

        await Push(Progress(Guid.NewGuid(), "training", 5, 10, 0.1));

        Assert.Contains("queued", cut.Find(".job-phase").TextContent);
    }

    [Fact]
    public async Task CompletionShowsTheResultLinkAndHidesCancel()
    {
        var cut = RenderJob();
        var modelId = Guid.NewGuid();

        await Push(Progress(_job.Id, "training", 19, 20, 0.05));
        await Push(new JobUpdate(_job.Id, JobUpdateKind.Completed, T0.AddMinutes(1), ResultModelId: modelId,
            AdapterPath: "adapters/x", KlBefore: 1.25, KlAfter: 0.05, Seconds: 60));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Completed", cut.Find("[data-testid=job-progress]").GetAttribute("data-status"));
            Assert.Equal($"/models/{modelId}", cut.Find("[data-testid=job-result-link]").GetAttribute("href"));
            Assert.Equal("100", cut.Find("[data-testid=job-progress-bar]").GetAttribute("data-value"));
            Assert.Contains("1.2500 → 0.0500", cut.Find(".job-kl-before-after").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=cancel-job]"));
        });
    }

    [Fact]
    public async Task FailureShowsTheReason()
    {
        var cut = RenderJob();

        await Push(new JobUpdate(_job.Id, JobUpdateKind.Failed, T0, FailureReason: "the loss became NaN at step 12"));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("the loss became NaN at step 12", cut.Find("[data-testid=job-failure]").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=job-result-link]"));
        });
    }

    [Fact]
    public async Task CancelAsksTheService()
    {
        var cut = RenderJob();

        await cut.Find("[data-testid=cancel-job]").ClickAsync(new());

        Assert.Equal([_job.Id], Bakes.Cancelled);
    }

    [Fact]
    public void OthersSeeNoCancelButton()
    {
        Bakes.Jobs[_job.Id].UserId = Guid.NewGuid();

        var cut = RenderJob();

        Assert.Empty(cut.FindAll("[data-testid=cancel-job]"));
    }

    [Fact]
    public void AnUnknownJobIsNotFoundAndNotWatched()
    {
        var cut = Context.Render<JobPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        Assert.Contains("Job not found", cut.Find("#not-found-title").TextContent);
        Assert.Equal(0, Feed.SubscriberCount(_job.Id));
    }

    [Fact]
    public async Task LeavingThePageStopsListening()
    {
        var cut = RenderJob();
        Assert.Equal(1, Feed.SubscriberCount(_job.Id));

        await Context.DisposeComponentsAsync();

        Assert.Equal(0, Feed.SubscriberCount(_job.Id));
        Assert.NotNull(cut);
    }

    [Fact]
    public void TheWorkersHostAndProcessAreNotShown()
    {
        _job.Apply(new BakeStarted("build-host-7-4242", T0));

        var cut = RenderJob();

        Assert.Equal("Running", cut.Find("[data-testid=job-progress]").GetAttribute("data-status"));
        Assert.DoesNotContain("build-host-7-4242", cut.Markup);
    }

    [Fact]
    public void ThePageNamesTheParentModelAndLinksToIt()
    {
        var parent = Catalog.Add("starter", owner: "arena");
        _job.ParentModelId = parent.Id;

        var cut = RenderJob();

        var line = cut.Find("[data-testid=job-parent]");
        Assert.Contains("starter (base)", line.TextContent);
        Assert.Equal($"/models/{parent.Id}", line.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void AParentTheViewerCannotSeeIsNotNamedNorLinked()
    {
        var parent = Catalog.Add("Hidden", owner: "bob", ownerId: Guid.NewGuid(), visibility: Visibility.Private);
        _job.ParentModelId = parent.Id;

        var cut = RenderJob();

        var line = cut.Find("[data-testid=job-parent]");
        Assert.DoesNotContain("Hidden", line.TextContent);
        Assert.Null(line.QuerySelector("a"));
    }
}
