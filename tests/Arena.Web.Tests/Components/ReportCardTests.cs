using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Components.Pages.Jobs;
using Arena.Web.Components.Shared;
using Bunit;

namespace Arena.Web.Tests.Components;

public sealed class ReportCardTests : ComponentTest
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static BakeReportCard Took => new()
    {
        Rule = "persona/pirate",
        Floor = new RateSummary(0, 0, 0.14, 24),
        Ceiling = new RateSummary(0.96, 0.8, 0.99, 24),
        Baked = new RateSummary(0.875, 0.69, 0.96, 24),
        Fidelity = 0.91,
        RetentionParent = new RateSummary(0.19, 0.1, 0.32, 48),
        RetentionBaked = new RateSummary(0.35, 0.23, 0.5, 48),
        RetentionKept = 8,
        RetentionParentRight = 9,
        Samples = [new ReportCardSample("What does a cow say?", "A cow says moo.", "Arr, a cow says moo!", "Arr, matey, moo it be!", false, true, true)],
        Verdict = ReportVerdicts.Took,
        Summary = "Baked in: without the prompt the model follows it in 88% of replies, against 96% for the prompted parent (fidelity 91%).",
        Seed = 3,
        EngineVersion = "1.0.0+test",
        Seconds = 4.2,
    };

    private BakeJob CompletedJob(BakeReportCard card)
    {
        SignInAsAlice();
        var job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", Guid.NewGuid(), "Pirate", "",
            Visibility.Public, new BakeRecipe { Prompt = "You are a pirate." }, T0));
        job.Apply(new BakeStarted("w", T0.AddSeconds(1)));
        job.Apply(new BakeCompleted(Guid.NewGuid(), "adapters/x", 1.2, 0.3, 60, 1, 1, T0.AddMinutes(1)) { ReportCard = card });
        Bakes.Jobs[job.Id] = job;
        return job;
    }

    [Fact]
    public void TheJobPageOfAFinishedBakeShowsItsReportCard()
    {
        var job = CompletedJob(Took);

        var cut = Context.Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        var card = cut.Find("[data-testid=report-card]");
        Assert.Equal(ReportVerdicts.Took, card.GetAttribute("data-verdict"));
        Assert.Contains("Baked in", cut.Find("[data-testid=report-verdict]").TextContent);
        Assert.Equal("88%", cut.Find("[data-testid=report-baked]").TextContent.Trim());
        Assert.Equal("91%", cut.Find("[data-testid=report-fidelity]").TextContent.Trim());
        Assert.Contains("75% of the gap closed", cut.Find("[data-testid=report-kl]").TextContent);
        Assert.Contains("kept 8 of the parent's 9", cut.Find("[data-testid=report-retention]").TextContent);
        Assert.Contains("A cow says moo.", cut.Find("[data-testid=sample-before]").TextContent);
        Assert.Contains("Arr, matey", cut.Find("[data-testid=sample-after]").TextContent);
    }

    [Fact]
    public void ABakeThatDidNotTakeSaysWhyAndLostKnowledgeIsFlagged()
    {
        var job = CompletedJob(Took with
        {
            Verdict = ReportVerdicts.NoCeiling,
            Summary = "The parent model does not follow this prompt even when prompted (8% of replies), so there was little to bake in.",
            RetentionNote = "It answers fewer everyday questions right than its parent (2% against 19%).",
        });

        var cut = Context.Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        Assert.Contains("does not follow this prompt even when prompted", cut.Find("[data-testid=report-verdict]").TextContent);
        Assert.Contains("fewer everyday questions", cut.Find("[data-testid=report-retention-note]").TextContent);
    }

    [Fact]
    public void APromptWithoutARuleShowsSamplesButNoRates()
    {
        var cut = Context.Render<ReportCardPanel>(p => p.Add(c => c.Card, Took with
        {
            Rule = null, Floor = null, Ceiling = null, Baked = null, Fidelity = null, Verdict = ReportVerdicts.Unmeasured, Summary = "No rule checks this prompt.",
        }));

        Assert.Empty(cut.FindAll("[data-testid=report-rates]"));
        Assert.Single(cut.FindAll("[data-testid=report-sample]"));
    }

    [Fact]
    public void RepliesInTheReportCardAreText()
    {
        var cut = Context.Render<ReportCardPanel>(p => p.Add(c => c.Card, Took with
        {
            Samples = [new ReportCardSample("<b>q</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<i>after</i>", null, null, null)],
        }));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll(".report-sample i"));
        Assert.Contains("&lt;script&gt;", cut.Markup);
    }

    [Fact]
    public void TheGalleryCardCarriesTheFidelityBadge()
    {
        var root = Catalog.Add("starter");
        var model = Catalog.Add("Pirate", root.Id, prompts: "You are a pirate.");
        model.Recipe = new BakeRecipeSummary("You are a pirate.", "pirate", new BakeRecipe { Prompt = "You are a pirate." }, 1, 0.2, 60) { ReportCard = Took };

        var cut = Context.Render<ModelCard>(p => p.Add(c => c.Model, model));

        Assert.Contains("fidelity 91%", cut.Find("[data-testid=fidelity-badge]").TextContent);
    }

    [Fact]
    public void AModelWithoutAReportCardHasNoBadge()
    {
        var root = Catalog.Add("starter");
        var model = Catalog.Add("Plain", root.Id, prompts: "Be brief.");

        var cut = Context.Render<ModelCard>(p => p.Add(c => c.Model, model));

        Assert.Empty(cut.FindAll("[data-testid=fidelity-badge]"));
    }
}
