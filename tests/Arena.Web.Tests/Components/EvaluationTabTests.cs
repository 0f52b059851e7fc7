using Arena.Contracts.Bakes;
using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Arena.Web.Components.Pages.Models;
using Bunit;

namespace Arena.Web.Tests.Components;

public sealed class EvaluationTabTests : ComponentTest
{
    const string Result = """
        {"suite": "retention@1", "complete": true, "fidelity": null, "conditions": [
          {"name": "model", "description": "the model, no prompt", "complete": true,
           "summary": {"strict": {"value": 0.5, "low": 0.15, "high": 0.85, "n": 4}, "loose": {"value": 0.5, "low": 0.15, "high": 0.85, "n": 4},
                       "checks_strict": {"value": 0.5, "low": 0.15, "high": 0.85, "n": 4}},
           "items": [{"id": "retention-01", "passed": true, "response": "A cow says moo."},
                     {"id": "retention-02", "passed": false, "response": "<script>alert(1)</script>"}]}]}
        """;

    ArenaModel Model(BakeReportCard? card = null)
    {
        var root = Catalog.Add("starter", kind: ModelKind.Base);
        var model = Catalog.Add("Pirate", root.Id, prompts: "You are a pirate.");
        model.Recipe = new BakeRecipeSummary("You are a pirate.", "pirate", new BakeRecipe { Prompt = "You are a pirate." }, 1, 0.2, 60) { ReportCard = card };
        return model;
    }

    IRenderedComponent<EvaluationTab> Render(ArenaModel model, Viewer viewer) =>
        Context.Render<EvaluationTab>(p => p.Add(c => c.Model, model).Add(c => c.Viewer, viewer));

    static Viewer Alice => Viewer.User(AliceId, "alice");

    [Fact]
    public void AFinishedRunShowsScoresByConditionAndEveryReplyAsText()
    {
        var model = Model();
        Evaluations.Jobs.Add(new EvaluationJob
        {
            Id = Guid.NewGuid(), ModelId = model.Id, UserId = AliceId, UserName = "alice", Suite = "retention@1", Conditions = ["model"],
            Status = BakeStatus.Completed, ResultJson = Result, RequestedAt = DateTimeOffset.UtcNow,
        });

        var cut = Render(model, Alice);

        Assert.Equal("Completed", cut.Find("[data-testid=evaluation-job]").GetAttribute("data-status"));
        Assert.Equal("50%", cut.Find("[data-condition=model] [data-testid=score-strict]").TextContent.Trim());
        Assert.Contains("15–85% (n=4)", cut.Find("[data-condition=model]").TextContent);
        Assert.Empty(cut.FindAll("script"));
    }

    [Fact]
    public void RunningASuiteAsksTheServiceWithTheChosenConditions()
    {
        var model = Model();
        SignInAsAlice();
        var cut = Render(model, Alice);

        cut.Find("button[data-testid=evaluation-run]").Click();

        var request = Assert.Single(Evaluations.Requests);
        Assert.Equal((model.Id, "retention"), (request.ModelId, request.Suite));
        Assert.Equal(["base", "model"], request.Conditions);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-job]")));
    }

    [Fact]
    public void ARefusedRunSaysWhyOnThePage()
    {
        var model = Model();
        Evaluations.Refuse = new DomainException(DomainError.QuotaExceeded, "you have 2 evaluations queued or running; the limit is 2");
        var cut = Render(model, Alice);

        cut.Find("button[data-testid=evaluation-run]").Click();

        Assert.Contains("the limit is 2", cut.Find("[data-testid=evaluation-error]").TextContent);
    }

    [Fact]
    public void AnonymousVisitorsAreAskedToSignIn()
    {
        var cut = Render(Model(), Viewer.Anonymous);

        Assert.Empty(cut.FindAll("button[data-testid=evaluation-run]"));
        Assert.Contains("Sign in", cut.Find("[data-testid=evaluation-form]").TextContent);
    }

    [Fact]
    public void TheReportCardsDecayAndKlArePlotted()
    {
        var card = new BakeReportCard
        {
            Verdict = ReportVerdicts.Took, Summary = "Baked in.",
            Decay = [new DecayPointSummary(1, new RateSummary(1, 0.6, 1, 8), new RateSummary(1, 0.6, 1, 8)),
                     new DecayPointSummary(2, new RateSummary(0.5, 0.2, 0.8, 8), new RateSummary(0.9, 0.6, 1, 8))],
            DecayNote = "Every conversation reached turn 2.",
            Kl = new KlCard(0.1, 0.6, 0.17, 40, [0.1, 1], [10, 20, 10], [2, 8, 30]),
        };

        var cut = Render(Model(card), Alice);

        Assert.NotNull(cut.Find("[data-testid=decay-chart]"));
        Assert.Contains("turn 2", cut.Find("[data-testid=decay-note]").TextContent);
        Assert.Contains("over 40 tokens", cut.Find("[data-testid=kl-histogram]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=report-card]"));
    }

    [Fact]
    public void AnUploadedSuiteIsCheckedListedAndSelected()
    {
        SignInAsAlice();
        var model = Model();
        var cut = Render(model, Alice);

        cut.Find("input[data-testid=suite-name]").Change("Cats");
        cut.Find("textarea[data-testid=suite-text]").Change("""{"id": "a", "prompt": "Say cat.", "checks": [{"kind": "contains", "value": "cat"}]}""");
        cut.Find("button[data-testid=suite-upload-button]").Click();

        var suite = Assert.Single(Suites.Suites);
        Assert.Contains("1 items", cut.Find("[data-testid=suite-upload-done]").TextContent);
        cut.Find("button[data-testid=evaluation-run]").Click();
        Assert.Equal(suite.Key, Assert.Single(Evaluations.Requests).Suite);
    }

    [Fact]
    public void ABadUploadSaysWhichLineAndWhy()
    {
        SignInAsAlice();
        var cut = Render(Model(), Alice);

        cut.Find("input[data-testid=suite-name]").Change("Broken");
        cut.Find("textarea[data-testid=suite-text]").Change("{\"id\": \"a\", \"prompt\": \"x\"}\n{\"id\": \"b\", \"prompt\": \"y\", \"checks\": [{\"kind\": \"vibes\"}]}");
        cut.Find("button[data-testid=suite-upload-button]").Click();

        Assert.Contains("line 2", cut.Find("[data-testid=suite-upload-error]").TextContent);
        Assert.Contains("vibes", cut.Find("[data-testid=suite-upload-error]").TextContent);
        Assert.Empty(Suites.Suites);
    }

    [Fact]
    public async Task TwoModelsRunsOfOneSuiteCompareItemByItem()
    {
        var mine = Model();
        var other = Catalog.Add("Landlubber", mine.ParentId, prompts: "Be plain.");
        var theirs = Result.Replace("\"passed\": true, \"response\": \"A cow says moo.\"", "\"passed\": false, \"response\": \"No idea.\"");
        EvaluationJob Job(ArenaModel m, string json, string name) => new()
        {
            Id = Guid.NewGuid(), ModelId = m.Id, ModelName = name, UserId = AliceId, UserName = "alice", Suite = "retention@1",
            Conditions = ["model"], Status = BakeStatus.Completed, ResultJson = json, RequestedAt = DateTimeOffset.UtcNow,
        };
        var a = Job(mine, Result, "Pirate");
        Evaluations.Jobs.AddRange([a, Job(other, theirs, "Landlubber")]);

        var cut = Context.Render<EvaluationCompare>(p => p.Add(c => c.Job, a).Add(c => c.Result, Arena.Web.Evaluations.EvaluationResultView.Parse(Result)!)
            .Add(c => c.Viewer, Alice));
        var select = cut.FindComponent<MudBlazor.MudSelect<Guid?>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(Evaluations.Jobs[1].Id));

        var rows = cut.FindAll("[data-testid=compare-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("A cow says moo.", rows[0].TextContent);
        Assert.Contains("No idea.", rows[0].TextContent);
        Assert.Contains("1 items only this model passes, 0 only the other", cut.Find("[data-testid=compare-summary]").TextContent);
        Assert.Empty(cut.FindAll("script"));
    }
}
