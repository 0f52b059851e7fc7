using Arena.Evaluation.Checks;
using Arena.Evaluation.Judging;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Judging;

public class PairwiseJudgingTests
{
    static readonly Suite Suite = SuiteReader.Read("pirate", string.Join('\n', Enumerable.Range(1, 5).Select(i =>
        $$"""{"id": "q{{i}}", "prompt": "Question {{i}}?", "checks": [{"kind": "contains", "value": "arr"}]}""")), NoRules.Instance);

    static Contestant Saying(string name, string answer) =>
        new(name, $"/models/{name}", Suite.Items.ToDictionary(i => i.Id, _ => answer));

    static readonly IReadOnlyList<Contestant> Three = [Saying("pirate", "Arr, matey."), Saying("plain", "Hello."), Saying("quiet", "...")];

    /// <summary>A judge that answers every request with the same verdict, whatever it is shown, and counts what it was asked.</summary>
    sealed class FixedJudge(Verdict verdict, bool parsed = true) : IJudge
    {
        public List<JudgeRequest> Asked { get; } = [];
        public string Name => "fixed";
        public string? Model { get; init; }

        public Task<IReadOnlyList<Judgment>> JudgeAsync(IReadOnlyList<JudgeRequest> requests, CancellationToken ct)
        {
            Asked.AddRange(requests);
            return Task.FromResult<IReadOnlyList<Judgment>>(requests.Select(_ => new Judgment(verdict, "always", parsed)).ToList());
        }
    }

    /// <summary>A judge that prefers the pirate's answer wherever it is shown.</summary>
    sealed class PirateJudge : IJudge
    {
        public string Name => "pirate-lover";
        public string? Model => null;

        public Task<IReadOnlyList<Judgment>> JudgeAsync(IReadOnlyList<JudgeRequest> requests, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Judgment>>(requests.Select(r =>
                new Judgment(r.AnswerA.StartsWith("Arr") ? Verdict.A : r.AnswerB.StartsWith("Arr") ? Verdict.B : Verdict.Tie, "arr")).ToList());
    }

    [Fact]
    public async Task AJudgeThatAlwaysSaysAGivesOnlyInconsistentTies()
    {
        var result = await new PairwiseJudging(new FixedJudge(Verdict.A)).RunAsync(Suite, Three);

        Assert.Equal(15, result.Battles.Count);
        Assert.All(result.Battles, b => Assert.Equal(Verdict.Tie, b.Verdict));
        Assert.Equal(15, result.Inconsistent);
        Assert.All(result.Pairs, p => Assert.Equal((0, 5, 0), (p.WinsA, p.Ties, p.WinsB)));
    }

    [Fact]
    public async Task AConsistentJudgeGivesWinsToItsChoice()
    {
        var result = await new PairwiseJudging(new PirateJudge()).RunAsync(Suite, Three);

        Assert.Equal(0, result.Inconsistent);
        var pairs = result.Pairs.ToDictionary(p => (p.ModelA, p.ModelB));
        Assert.Equal((5, 0, 0), (pairs[("pirate", "plain")].WinsA, pairs[("pirate", "plain")].Ties, pairs[("pirate", "plain")].WinsB));
        Assert.Equal((5, 0, 0), (pairs[("pirate", "quiet")].WinsA, pairs[("pirate", "quiet")].Ties, pairs[("pirate", "quiet")].WinsB));
        Assert.Equal((0, 5, 0), (pairs[("plain", "quiet")].WinsA, pairs[("plain", "quiet")].Ties, pairs[("plain", "quiet")].WinsB));
        Assert.True(result.Complete);
    }

    [Fact]
    public async Task EveryBattleIsAskedInBothOrders()
    {
        var judge = new FixedJudge(Verdict.Tie);
        await new PairwiseJudging(judge) { ChunkSize = 4 }.RunAsync(Suite, Three.Take(2).ToList());

        Assert.Equal(10, judge.Asked.Count);
        Assert.All(judge.Asked.Chunk(2), pair =>
        {
            Assert.Equal(pair[0].Item, pair[1].Item);
            Assert.Equal((pair[0].AnswerA, pair[0].AnswerB), (pair[1].AnswerB, pair[1].AnswerA));
        });
    }

    [Fact]
    public void AWinOneWayAndATieTheOtherIsAnInconsistentTie()
    {
        var battle = PairwiseJudging.Battle("q1", "x", "y", new Judgment(Verdict.A, "x better"), new Judgment(Verdict.Tie, "same"));
        Assert.Equal((Verdict.Tie, false), (battle.Verdict, battle.Consistent));

        var agreed = PairwiseJudging.Battle("q1", "x", "y", new Judgment(Verdict.B, "y better"), new Judgment(Verdict.A, "y better"));
        Assert.Equal((Verdict.B, true), (agreed.Verdict, agreed.Consistent));
    }

    [Fact]
    public async Task UnparsedVerdictsAreTiesAndCounted()
    {
        var result = await new PairwiseJudging(new FixedJudge(Verdict.Tie, parsed: false)).RunAsync(Suite, Three);

        Assert.Equal(30, result.Unparsed);
        Assert.All(result.Battles, b => Assert.Equal(Verdict.Tie, b.Verdict));
        Assert.All(result.Pairs, p => Assert.Equal(10, p.Unparsed));
    }

    [Fact]
    public async Task AJudgeThatIsAlsoAContestantIsRefused()
    {
        var judge = new FixedJudge(Verdict.A) { Model = "/models/plain" };

        var e = await Assert.ThrowsAsync<SuiteException>(() => new PairwiseJudging(judge).RunAsync(Suite, Three));

        Assert.Contains("the judge is also contestant 'plain'", e.Message);
        Assert.Empty(judge.Asked);
    }

    [Theory]
    [InlineData(1, "at least two contestants")]
    [InlineData(0, "at least two contestants")]
    public void FewerThanTwoContestantsAreRefused(int count, string expected)
    {
        var e = Assert.Throws<SuiteException>(() => PairwiseJudging.Check(Three.Take(count).Select(c => (c.Name, c.Model)).ToList(), null));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ANameUsedTwiceIsRefused()
    {
        var e = Assert.Throws<SuiteException>(() => PairwiseJudging.Check([("a", "/m/1"), ("a", "/m/2")], null));
        Assert.Contains("'a' is used twice", e.Message);
    }

    [Fact]
    public async Task AContestantWithoutAnAnswerIsRefused()
    {
        var partial = Three[0] with { Answers = new Dictionary<string, string> { ["q1"] = "Arr." } };
        var e = await Assert.ThrowsAsync<SuiteException>(() => new PairwiseJudging(new PirateJudge()).RunAsync(Suite, [partial, Three[1]]));
        Assert.Contains("'pirate' has no answer to item 'q2'", e.Message);
    }

    [Fact]
    public async Task ACancelledRunKeepsTheBattlesJudgedAndIsIncomplete()
    {
        using var cts = new CancellationTokenSource();
        var progress = new Cancelling(cts, after: 4);

        var result = await new PairwiseJudging(new PirateJudge()) { ChunkSize = 2 }.RunAsync(Suite, Three, progress, cts.Token);

        Assert.False(result.Complete);
        Assert.Equal(4, result.Battles.Count);
    }

    sealed class Cancelling(CancellationTokenSource cts, int after) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            if (value.Done >= after) cts.Cancel();
        }
    }
}
