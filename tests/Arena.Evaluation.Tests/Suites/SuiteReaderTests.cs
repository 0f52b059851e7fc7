using Arena.Evaluation.Checks;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Suites;

public class SuiteReaderTests
{
    static Suite Read(string text) => SuiteReader.Read("test", text, NoRules.Instance);

    static string ErrorOf(string text) => Assert.Throws<SuiteException>(() => Read(text)).Message;

    [Fact]
    public void AnItemWithAPromptAndChecksLoads()
    {
        var suite = Read("""{"id": "a", "prompt": "Name a cat.", "system": "Be brief.", "category": "pets", "checks": [{"kind": "contains", "value": "cat"}]}""");
        var item = Assert.Single(suite.Items);
        Assert.Equal(("a", "Name a cat.", "Be brief.", "pets"), (item.Id, item.Prompt, item.System, item.Category));
        Assert.Equal("contains", Assert.Single(item.Checks).Kind);
    }

    [Fact]
    public void MessagesKeepTheConversationAndTakeALeadingSystemMessage()
    {
        var suite = Read("""{"id": "m", "messages": [{"role": "system", "content": "S"}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}, {"role": "user", "content": "Again"}]}""");
        var item = suite.Items[0];
        Assert.Equal("S", item.System);
        Assert.Equal(["Hi", "Again"], item.UserTurns);
        Assert.Equal(["Hello"], item.AssistantTurns);
        Assert.Equal("Again", item.Prompt);
    }

    [Fact]
    public void IfEvalLinesLoadUnchanged()
    {
        var suite = Read("""{"key": 1000, "prompt": "Write a poem without commas.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}""");
        var item = Assert.Single(suite.Items);
        Assert.Equal("1000", item.Id);
        Assert.Equal("punctuation:no_comma", Assert.Single(item.Checks).Name);
    }

    [Fact]
    public void Gsm8kLinesLoadWithTheirAnswerAsANumericCheck()
    {
        var suite = Read("""{"question": "2 + 2?", "answer": "2 + 2 = 4\n#### 4"}""");
        var item = Assert.Single(suite.Items);
        Assert.Equal("1", item.Id);
        Assert.True(item.Checks[0].Check("It is 4.").Passed);
        Assert.False(item.Checks[0].Check("It is 5.").Passed);
    }

    [Fact]
    public void BlankLinesAreSkippedAndTheHashFollowsTheText()
    {
        var a = Read("{\"id\": \"a\", \"prompt\": \"x\"}\n\n");
        var b = Read("{\"id\": \"a\", \"prompt\": \"y\"}\n\n");
        Assert.Single(a.Items);
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(a.Hash, Read("{\"id\": \"a\", \"prompt\": \"x\"}\n\n").Hash);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\"}\n{not json", "line 2: not valid JSON")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"checks\": [{\"kind\": \"vibes\"}]}", "line 1: item 'a': unknown check kind 'vibes'")]
    [InlineData("{\"id\": \"a\"}", "\"prompt\" is missing")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\"}\n{\"id\": \"a\", \"prompt\": \"y\"}", "line 2: id 'a' is used twice")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"instruction_id_list\": [\"no:such\"], \"kwargs\": [{}]}", "unknown instruction id 'no:such'")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}, {}]}", "2 entries for 1 instructions")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"checks\": [{\"kind\": \"numeric\", \"value\": \"ten\"}]}", "\"value\" must be a number")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"checks\": [{\"kind\": \"rule\", \"rule\": \"persona/pirate\"}]}", "unknown rule 'persona/pirate'")]
    [InlineData("{\"id\": \"a\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}, {\"role\": \"assistant\", \"content\": \"y\"}]}", "must end with a user turn")]
    [InlineData("{\"question\": \"2 + 2?\", \"answer\": \"four\"}", "#### <number>")]
    public void ABadLineIsRefusedWithItsLineAndReason(string text, string expected) =>
        Assert.Contains(expected, ErrorOf(text));

    [Fact]
    public void AnEmptySuiteIsRefused() =>
        Assert.Contains("no items", ErrorOf("\n  \n"));

    [Fact]
    public void TooManyChecksOnOneItemAreRefused()
    {
        var checks = string.Join(",", Enumerable.Repeat("{\"kind\": \"contains\", \"value\": \"a\"}", SuiteLimits.MaxChecksPerItem + 1));
        Assert.Contains("more than", ErrorOf($"{{\"id\": \"a\", \"prompt\": \"x\", \"checks\": [{checks}]}}"));
    }

    [Fact]
    public void BuiltInSuitesOpenByNameWithOrWithoutTheirVersion()
    {
        var byName = BuiltInSuites.Open("arithmetic", NoRules.Instance);
        var byLabel = BuiltInSuites.Open("arithmetic@1", NoRules.Instance);
        Assert.Equal(byName.Hash, byLabel.Hash);
        Assert.Equal("arithmetic@1", byName.Name);
        Assert.Contains("built in:", Assert.Throws<SuiteException>(() => BuiltInSuites.Open("arithmetic@9", NoRules.Instance)).Message);
    }

    [Fact]
    public void TheShippedArithmeticSuiteIsItsGeneratorsOutput()
    {
        Assert.Equal(ArithmeticSuite.Generate(), BuiltInSuites.Text(BuiltInSuites.Find("arithmetic")!));
        var suite = BuiltInSuites.Read(BuiltInSuites.Find("arithmetic")!, NoRules.Instance);
        Assert.Equal(ArithmeticSuite.Count, suite.Items.Count);
        // Every worked answer passes its own check: the generator's arithmetic is right.
        Assert.All(suite.Items, i => Assert.True(i.Checks[0].Check(i.Reference!).Passed, i.Id));
    }
}
