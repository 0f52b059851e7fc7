using Arena.Evaluation.Checks;
using Arena.Evaluation.Judging;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Judging;

public class ModelJudgeTests
{
    static readonly SuiteItem Item = SuiteReader.Read("s", """{"id": "q", "prompt": "What does a cow say?", "system": "Be brief."}""", NoRules.Instance).Items[0];

    [Theory]
    [InlineData("A is clearer.\n[[A]]", Verdict.A)]
    [InlineData("Assistant B answers the question. [[B]]", Verdict.B)]
    [InlineData("Both are fine.\n\n[[C]]", Verdict.Tie)]
    [InlineData("My final verdict is: [[A>>B]]", Verdict.A)]
    [InlineData("My final verdict is [[A>B]]", Verdict.A)]
    [InlineData("My final verdict is tie: [[A=B]]", Verdict.Tie)]
    [InlineData("[[B>A]]", Verdict.B)]
    [InlineData("[[B>>A]]", Verdict.B)]
    [InlineData("[[ B ]] and again [[B]]", Verdict.B)]
    public void VerdictsAreReadFromTheirLabels(string reply, Verdict expected) => Assert.Equal(expected, VerdictParser.Parse(reply));

    [Theory]
    [InlineData("Answer A is better.")]
    [InlineData("")]
    [InlineData("I would write [[A]] if A were better, but [[B]] is.")]
    [InlineData("[[D]]")]
    [InlineData("[A]")]
    public void AReplyWithoutOneClearVerdictHasNone(string reply) => Assert.Null(VerdictParser.Parse(reply));

    /// <summary>A judge model that replies with a fixed text and records what it was asked.</summary>
    sealed class Replying(params Reply[] replies) : IReplySource
    {
        public List<(bool Adapted, ReplyRequest Request)> Asked { get; } = [];

        public Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct)
        {
            Asked.AddRange(requests.Select(r => (adapted, r)));
            return Task.FromResult<IReadOnlyList<Reply>>(requests.Select((_, i) => replies[i % replies.Length]).ToList());
        }
    }

    [Fact]
    public async Task AnUnparseableReplyIsATieMarkedUnparsedAndCounted()
    {
        var judge = new ModelJudge(new Replying(new Reply("Moo is right. [[B]]"), new Reply("They are both about cows.")), "judge", "/models/judge");
        Contestant Saying(string name, string answer) => new(name, $"/models/{name}", new Dictionary<string, string> { ["q"] = answer });
        var suite = new Suite("s", [Item], "hash");

        var result = await new PairwiseJudging(judge).RunAsync(suite, [Saying("x", "Moo."), Saying("y", "Woof.")]);

        var battle = Assert.Single(result.Battles);
        Assert.Equal((Verdict.B, true), (battle.First.Verdict, battle.First.Parsed));
        Assert.Equal((Verdict.Tie, false, "They are both about cows."), (battle.Second.Verdict, battle.Second.Parsed, battle.Second.Reason));
        Assert.Equal((Verdict.Tie, false), (battle.Verdict, battle.Consistent));
        Assert.Equal(1, result.Unparsed);
    }

    [Fact]
    public async Task NoReplyIsAnUnparsedTieThatSaysWhy()
    {
        var judge = new ModelJudge(new Replying(new Reply("", "the conversation is 600 tokens")), "judge", "/models/judge");
        var judgment = Assert.Single(await judge.JudgeAsync([new JudgeRequest(Item, "Moo.", "Woof.")], CancellationToken.None));
        Assert.Equal((Verdict.Tie, false), (judgment.Verdict, judgment.Parsed));
        Assert.Contains("600 tokens", judgment.Reason);
    }

    [Fact]
    public async Task TheJudgeIsShownTheQuestionItsInstructionsAndBothAnswersInOrder()
    {
        var source = new Replying(new Reply("[[A]]"));
        await new ModelJudge(source, "judge", "/models/judge").JudgeAsync([new JudgeRequest(Item, "Moo.", "Woof.")], CancellationToken.None);

        var (adapted, request) = Assert.Single(source.Asked);
        Assert.True(adapted);
        Assert.Equal(JudgePrompt.System, request.System);
        var user = Assert.Single(request.Turns).Content;
        Assert.Contains("Be brief.", user);
        Assert.Contains("What does a cow say?", user);
        Assert.True(user.IndexOf("Moo.", StringComparison.Ordinal) < user.IndexOf("Woof.", StringComparison.Ordinal));
        Assert.Contains("[[A]]", JudgePrompt.System);
        Assert.Contains("[[C]]", JudgePrompt.System);
    }
}
