using Arena.Evaluation.Checks;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Running;

public class SuiteRunnerTests
{
    const string Prompt = "Talk like a pirate.";

    static readonly Suite Suite = SuiteReader.Read("pirate", string.Join('\n', Enumerable.Range(1, 10).Select(i =>
        $$"""{"id": "q{{i}}", "prompt": "Question {{i}}?", "checks": [{"kind": "contains", "value": "arr"}]}""")), NoRules.Instance);

    static readonly EvaluationSettings Settings = new(0, 32, 0, "test");

    /// <summary>
    /// Replies as a model that learned the prompt would: the prompted base always talks like a pirate; the adapted
    /// model does on odd-numbered questions only (a half-taken bake). Records what it was asked.
    /// </summary>
    sealed class PirateSource : IReplySource
    {
        public List<(bool Adapted, ReplyRequest Request)> Asked { get; } = [];
        public Action? OnCall { get; init; }

        public Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct)
        {
            OnCall?.Invoke();
            Asked.AddRange(requests.Select(r => (adapted, r)));
            return Task.FromResult<IReadOnlyList<Reply>>(requests.Select(r =>
            {
                var n = int.Parse(r.Turns[^1].Content.Split(' ')[1].TrimEnd('?'));
                var pirate = r.System?.Contains("pirate") == true || (adapted && n % 2 == 1);
                return new Reply(pirate ? "Arr, matey." : "Hello.");
            }).ToList());
        }
    }

    [Fact]
    public async Task FourConditionsGiveFloorCeilingAndFidelity()
    {
        var run = await new SuiteRunner(new PirateSource()).RunAsync(Suite, Condition.All, Prompt, Settings);
        Assert.True(run.Complete);
        Assert.Equal(0, run.Rate(Condition.Base)!.Value);
        Assert.Equal(1, run.Rate(Condition.Prompted)!.Value);
        Assert.Equal(0.5, run.Rate(Condition.Model)!.Value);
        Assert.Equal(1, run.Rate(Condition.Reprompted)!.Value);
        Assert.Equal(0.5, run.Fidelity);
    }

    [Fact]
    public async Task ConditionsOnTheSameWeightsAreAskedTogether()
    {
        var source = new PirateSource();
        await new SuiteRunner(source) { ChunkSize = 100 }.RunAsync(Suite, Condition.All, Prompt, Settings);
        // Two calls' worth of requests: the base's (plain and prompted) and the model's, each 20 requests.
        Assert.Equal(40, source.Asked.Count);
        Assert.Equal(20, source.Asked.Count(a => !a.Adapted));
        Assert.Equal(10, source.Asked.Count(a => !a.Adapted && a.Request.System == Prompt));
    }

    [Fact]
    public async Task ThePromptComesBeforeTheItemsOwnSystemPrompt()
    {
        var suite = SuiteReader.Read("s", """{"id": "a", "prompt": "Question 1?", "system": "Be brief."}""", NoRules.Instance);
        var source = new PirateSource();
        await new SuiteRunner(source).RunAsync(suite, [Condition.Prompted, Condition.Model], Prompt, Settings);
        Assert.Equal($"{Prompt}\n\nBe brief.", source.Asked.Single(a => !a.Adapted).Request.System);
        Assert.Equal("Be brief.", source.Asked.Single(a => a.Adapted).Request.System);
    }

    [Fact]
    public async Task ACancelledRunKeepsItsScoresAndSaysItIsIncomplete()
    {
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var source = new PirateSource { OnCall = () => { if (++calls == 2) cts.Cancel(); } };
        var run = await new SuiteRunner(source) { ChunkSize = 4 }.RunAsync(Suite, [Condition.Model], null, Settings, ct: cts.Token);
        Assert.False(run.Complete);
        var score = run.Scores.Single().Score;
        Assert.Equal(8, score.Items.Count);
        Assert.Equal(2, score.Missing.Count);
    }

    [Fact]
    public async Task AnUnanswerableItemFailsWithItsReason()
    {
        var source = new ErrorSource();
        var run = await new SuiteRunner(source).RunAsync(Suite.Take(1), [Condition.Model], null, Settings);
        var item = run.Scores.Single().Score.Items.Single();
        Assert.False(item.Passed);
        Assert.Equal("too long", item.Error);
    }

    [Fact]
    public void PromptedConditionsNeedAPrompt() =>
        Assert.Contains("needs a prompt", Assert.Throws<SuiteException>(() => Condition.Parse("base,prompted", havePrompt: false)).Message);

    [Fact]
    public void UnknownConditionsAreRefused() =>
        Assert.Contains("unknown condition 'baked'", Assert.Throws<SuiteException>(() => Condition.Parse("baked", havePrompt: true)).Message);

    sealed class ErrorSource : IReplySource
    {
        public Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Reply>>(requests.Select(_ => new Reply("", "too long")).ToList());
    }
}
