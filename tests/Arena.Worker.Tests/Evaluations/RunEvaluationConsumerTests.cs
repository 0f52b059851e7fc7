using System.Text.Json.Nodes;
using Arena.Contracts.Evaluations;
using Arena.Worker.Tests.Support;

namespace Arena.Worker.Tests.Evaluations;

[Collection(WorkerCollection.Name)]
public sealed class RunEvaluationConsumerTests(WorkerFixture fixture)
{
    static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);
    WorkerHost Host => fixture.Host;

    Task<object> Outcome(Guid id) => Host.Log.WaitFor<object>(m =>
        m is EvaluationJobSucceeded s && s.JobId == id || m is EvaluationJobFailed f && f.JobId == id || m is EvaluationJobCancelled c && c.JobId == id, Quick);

    [Fact]
    public async Task ASuiteRunOnTheStarterReportsItsScores()
    {
        var run = new RunEvaluation(Guid.NewGuid(), Recipes.Starter, "retention", ["model"], null, 4, 0, 32);
        await Host.Publish(run);

        var succeeded = Assert.IsType<EvaluationJobSucceeded>(await Outcome(run.JobId));

        Assert.Single(Host.Log.All<EvaluationJobStarted>(s => s.JobId == run.JobId));
        Assert.Contains(Host.Log.All<EvaluationJobProgress>(p => p.JobId == run.JobId), p => p.Done == 4 && p.Total == 4);
        var json = JsonNode.Parse(succeeded.ResultJson)!;
        Assert.Equal("retention@1", (string)json["suite"]!);
        Assert.True((bool)json["complete"]!);
        var condition = json["conditions"]![0]!;
        Assert.Equal("model", (string)condition["name"]!);
        Assert.Equal(4, condition["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task AnUnknownSuiteFailsWithTheReason()
    {
        var run = new RunEvaluation(Guid.NewGuid(), Recipes.Starter, "nosuch", ["model"], null, 4, 0, 32);
        await Host.Publish(run);

        var failed = Assert.IsType<EvaluationJobFailed>(await Outcome(run.JobId));

        Assert.Contains("unknown suite 'nosuch'", failed.Reason);
    }

    [Fact]
    public async Task AnEvaluationCancelledBeforeItArrivesIsSkipped()
    {
        var run = new RunEvaluation(Guid.NewGuid(), Recipes.Starter, "retention", ["model"], null, 4, 0, 32);
        await Host.Publish(new CancelEvaluation(run.JobId));
        // The cancel travels on its own queue: wait until the worker has handled it before sending the run.
        await Host.Handled.WaitFor<CancelEvaluation>(c => c.JobId == run.JobId, Quick);
        await Host.Publish(run);

        Assert.IsType<EvaluationJobCancelled>(await Outcome(run.JobId));
        Assert.Empty(Host.Log.All<EvaluationJobStarted>(s => s.JobId == run.JobId));
    }

    [Fact]
    public async Task AnUploadedSuiteComesWithTheRunAndIsReadByTheWorker()
    {
        const string text = """
            {"id": "cow", "prompt": "What does a cow say?", "checks": [{"kind": "regex", "pattern": "\\bmoo\\b", "ignore_case": true}]}
            {"id": "pirate", "prompt": "Where does a bird sleep?", "checks": [{"kind": "rule", "rule": "persona/pirate"}]}
            """;
        var run = new RunEvaluation(Guid.NewGuid(), Recipes.Starter, "my suite", ["model"], null, null, 0, 32, text);
        await Host.Publish(run);

        var succeeded = Assert.IsType<EvaluationJobSucceeded>(await Outcome(run.JobId));

        var items = JsonNode.Parse(succeeded.ResultJson)!["conditions"]![0]!["items"]!.AsArray();
        Assert.Equal(["cow", "pirate"], items.Select(i => (string)i!["id"]!));
        // The unprompted starter is no pirate: the rule check ran and failed.
        Assert.False((bool)items[1]!["passed"]!);
    }
}
