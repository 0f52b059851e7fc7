using Arena.Evaluation.Checks;
using Arena.Evaluation.Scoring;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Scoring;

public class ResponseScorerTests
{
    static readonly Suite Suite = SuiteReader.Read("s", """
        {"id": "a", "prompt": "Say cat.", "category": "x", "checks": [{"kind": "contains", "value": "cat"}]}
        {"id": "b", "prompt": "Write without commas.", "category": "y", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}
        {"id": "c", "prompt": "Anything."}
        """, NoRules.Instance);

    [Fact]
    public void ItemsPassWhenEveryCheckPasses()
    {
        var score = ResponseScorer.Score(Suite, new Dictionary<string, string> { ["a"] = "a cat", ["b"] = "one, two", ["c"] = "ok" });
        Assert.True(score.Complete);
        Assert.True(score.Items[0].Passed);
        Assert.False(score.Items[1].Passed);
        Assert.False(score.Items[2].Scored);
        Assert.Equal((0.5, 2), (score.Strict.Value, score.Strict.Count));
        Assert.Equal((1.0, 0.0), (score.ByCategory["x"].Value, score.ByCategory["y"].Value));
    }

    [Fact]
    public void ItemsWithoutAReplyMakeTheScoreIncompleteNotFailed()
    {
        var score = ResponseScorer.Score(Suite, new Dictionary<string, string> { ["a"] = "cat" });
        Assert.False(score.Complete);
        Assert.Equal(["b", "c"], score.Missing);
        Assert.Equal((1.0, 1), (score.Strict.Value, score.Strict.Count));
    }

    [Fact]
    public void AReplyForAnItemTheSuiteLacksIsRefused() =>
        Assert.Contains("'zzz'", Assert.Throws<SuiteException>(() => ResponseScorer.Score(Suite, new Dictionary<string, string> { ["zzz"] = "x" })).Message);

    [Fact]
    public void ResponseFilesMatchByIdOrByIfEvalsPrompt()
    {
        var replies = ResponseReader.Read("r", """
            {"id": "a", "response": "cat"}
            {"prompt": "Write without commas.", "response": "no commas here"}
            """, Suite);
        Assert.Equal("no commas here", replies["b"]);
    }

    [Theory]
    [InlineData("{\"id\": \"a\"}", "line 1: reply: \"response\" is missing")]
    [InlineData("{\"id\": \"a\", \"response\": \"x\"}\n{\"id\": \"a\", \"response\": \"y\"}", "line 2: a second reply for item 'a'")]
    [InlineData("{\"prompt\": \"nope\", \"response\": \"x\"}", "no item has this prompt")]
    [InlineData("[1, 2]", "line 1:")]
    public void BadResponseLinesNameTheirLine(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<SuiteException>(() => ResponseReader.Read("r", text, Suite)).Message);

    [Fact]
    public void InstructionsScoreLooselyOnIfEvalsVariants()
    {
        var suite = SuiteReader.Read("s", """{"id": "a", "prompt": "No commas.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}""", NoRules.Instance);
        var item = ResponseScorer.Score(suite.Items[0], "Sure, here it is:\nNo commas in this line");
        Assert.False(item.Passed);
        Assert.True(item.PassedLoose);
    }
}
