using Arena.Evaluation.Checks;
using Arena.Evaluation.Decay;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Decay;

public class DecayRunnerTests
{
    const string Prompt = "Talk like a pirate.";

    static readonly EvaluationSettings Settings = new(0, 48, 0, "test");

    static readonly ICheck Arr = new ContainsCheck(ContainsCheck.All, ["arr"], caseSensitive: false);

    static DecayPlan Plan(int turns = 16, int conversations = 8) =>
        new("everyday", "hash", Enumerable.Range(1, 20).Select(i => $"Question {i}?").ToList(), Prompt, _ => Arr, turns, conversations);

    /// <summary>
    /// A prompted base that keeps to its system prompt for three user turns and then forgets it; an adapted model
    /// that always keeps it. <paramref name="maxUserTurns"/> plays the context: a longer conversation is an error.
    /// Records every call.
    /// </summary>
    sealed class ScriptedSource(int forgetAfter = 3, int maxUserTurns = int.MaxValue, Func<int, int>? maxUserTurnsOf = null) : IReplySource
    {
        public List<(bool Adapted, IReadOnlyList<ReplyRequest> Requests)> Calls { get; } = [];
        public Action<int>? OnCall { get; init; }

        public Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct)
        {
            Calls.Add((adapted, requests));
            OnCall?.Invoke(Calls.Count);
            return Task.FromResult<IReadOnlyList<Reply>>(requests.Select(r =>
            {
                var userTurns = r.Turns.Count(t => t.Role == "user");
                var limit = maxUserTurnsOf?.Invoke(int.Parse(r.Turns[0].Content.Split(' ')[1].TrimEnd('?'))) ?? maxUserTurns;
                if (userTurns > limit) return new Reply("", $"the conversation is {userTurns * 60} tokens, as long as the model's context of {limit * 60} or longer");
                var pirate = adapted || (r.System == Prompt && userTurns <= forgetAfter);
                return new Reply(pirate ? "Arr, matey." : "Hello.");
            }).ToList());
        }
    }

    [Fact]
    public async Task APromptedBaseThatForgetsDecaysWhileTheAdaptedModelStaysFlat()
    {
        var run = await new DecayRunner(new ScriptedSource()).RunAsync(Plan(), DecayRunner.DefaultConditions, Settings);

        Assert.True(run.Complete);
        var prompted = run.Find(Condition.Prompted)!.Points;
        var model = run.Find(Condition.Model)!.Points;
        Assert.Equal(16, prompted.Count);
        Assert.Equal([1.0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], prompted.Select(p => p.Adherence.Value));
        Assert.All(model, p => Assert.Equal(1.0, p.Adherence.Value));
        Assert.All(prompted.Concat(model), p => Assert.Equal(8, p.Adherence.Count));
    }

    [Fact]
    public async Task EachTurnIsOneBatchPerConditionWithTheModelsOwnRepliesAsHistory()
    {
        var source = new ScriptedSource();
        await new DecayRunner(source).RunAsync(Plan(turns: 5), DecayRunner.DefaultConditions, Settings);

        Assert.Equal(10, source.Calls.Count);
        Assert.All(source.Calls, c => Assert.Equal(8, c.Requests.Count));
        var prompted = source.Calls.Where(c => !c.Adapted).ToList();
        Assert.All(prompted.SelectMany(c => c.Requests), r => Assert.Equal(Prompt, r.System));
        Assert.All(source.Calls.Where(c => c.Adapted).SelectMany(c => c.Requests), r => Assert.Null(r.System));
        // Turn 5 of the prompted base carries its own four earlier replies: three in character, then the forgotten one.
        var last = prompted[^1].Requests[0].Turns;
        Assert.Equal(9, last.Count);
        Assert.Equal(["Arr, matey.", "Arr, matey.", "Arr, matey.", "Hello."], last.Where(t => t.Role == "assistant").Select(t => t.Content));
        Assert.Equal("user", last[^1].Role);
    }

    [Fact]
    public void ConversationsAskDifferentEverydayQuestionsAndNoneRepeatsBeforeAllAreAsked()
    {
        var plan = Plan(turns: 20);
        var orders = Enumerable.Range(0, plan.Conversations).Select(c => Enumerable.Range(1, 20).Select(t => plan.Question(c, t)).ToList()).ToList();
        Assert.All(orders, o => Assert.Equal(20, o.Distinct().Count()));
        Assert.Equal(8, orders.Select(o => string.Join("|", o)).Distinct().Count());
        Assert.Equal(orders[3], Enumerable.Range(1, 20).Select(t => plan.Question(3, t)));
    }

    [Fact]
    public async Task AConversationThatOutgrowsTheContextStopsThereWithTheReason()
    {
        var run = await new DecayRunner(new ScriptedSource(maxUserTurns: 6)).RunAsync(Plan(), DecayRunner.DefaultConditions, Settings);

        Assert.True(run.Complete);
        foreach (var curve in run.Curves)
        {
            Assert.Equal(6, curve.Points.Count);
            Assert.Equal(6, curve.Fitted);
            var stop = Assert.Single(curve.Stops);
            Assert.Equal(7, stop.Turn);
            Assert.Equal(8, stop.Count);
            Assert.Contains("context", stop.Reason);
        }
    }

    [Fact]
    public async Task LaterTurnsStandOnTheConversationsThatReachedThem()
    {
        // Conversation lengths differ: one whose first question is "Question n?" fits n user turns at most.
        var source = new ScriptedSource(maxUserTurnsOf: n => n);
        var run = await new DecayRunner(source).RunAsync(Plan(turns: 20), [Condition.Model], Settings);

        var curve = run.Curves.Single();
        Assert.True(curve.Complete);
        var counts = curve.Points.Select(p => p.Adherence.Count).ToList();
        Assert.Equal(8, counts[0]);
        Assert.True(counts.Zip(counts.Skip(1)).All(p => p.First >= p.Second), string.Join(",", counts));
        Assert.Equal(curve.Conversations.Max(c => c.Reached), curve.Fitted);
        Assert.Equal(curve.Conversations.Min(c => c.Reached), curve.FittedByAll);
        Assert.All(curve.Conversations.Where(c => c.Reached < 20), c => Assert.Equal(c.Reached + 1, c.Stop!.Turn));
    }

    [Fact]
    public async Task ACancelledRunReturnsPartialCurvesMarkedIncomplete()
    {
        using var cts = new CancellationTokenSource();
        var source = new ScriptedSource { OnCall = n => { if (n == 5) cts.Cancel(); } };
        var run = await new DecayRunner(source).RunAsync(Plan(), DecayRunner.DefaultConditions, Settings, ct: cts.Token);

        Assert.False(run.Complete);
        // Five calls answered: turns 1 and 2 under both conditions, turn 3 under the first; then the cancellation.
        Assert.Equal(3, run.Find(Condition.Prompted)!.Points.Count);
        Assert.Equal(2, run.Find(Condition.Model)!.Points.Count);
        Assert.All(run.Curves, c => Assert.Empty(c.Stops));
    }

    [Fact]
    public async Task ProgressCountsStoppedConversationsRemainingTurnsAsSettled()
    {
        var reports = new List<EvaluationProgress>();
        await new DecayRunner(new ScriptedSource(maxUserTurns: 4)).RunAsync(Plan(turns: 10), DecayRunner.DefaultConditions, Settings, new ListProgress(reports));
        Assert.Equal(160, reports[^1].Total);
        Assert.Equal(160, reports[^1].Done);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Done <= p.Second.Done));
    }

    [Fact]
    public async Task APlanWithoutQuestionsIsRefused()
    {
        var plan = Plan() with { Questions = [] };
        var e = await Assert.ThrowsAsync<SuiteException>(() => new DecayRunner(new ScriptedSource()).RunAsync(plan, DecayRunner.DefaultConditions, Settings));
        Assert.Contains("at least one question", e.Message);
    }

    [Fact]
    public void APlanFromASuiteAsksItsPrompts()
    {
        var suite = SuiteReader.Read("s", string.Join('\n', Enumerable.Range(1, 4).Select(i => $$"""{"id": "q{{i}}", "prompt": "Question {{i}}?"}""")), NoRules.Instance);
        var plan = DecayPlan.FromSuite(suite, Prompt, _ => Arr);
        Assert.Equal(["Question 1?", "Question 2?", "Question 3?", "Question 4?"], plan.Questions);
        Assert.Equal((DecayPlan.DefaultTurns, DecayPlan.DefaultConversations, suite.Hash), (plan.Turns, plan.Conversations, plan.Hash));
    }

    sealed class ListProgress(List<EvaluationProgress> reports) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => reports.Add(value);
    }
}
