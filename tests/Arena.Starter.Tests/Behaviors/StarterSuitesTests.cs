using Arena.Evaluation;
using Arena.Evaluation.Scoring;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Starter.Tests.Behaviors;

public class StarterSuitesTests
{
    public static TheoryData<string> Generated => new() { "starter-behaviors", "starter-facts", "retention" };

    [Theory]
    [MemberData(nameof(Generated))]
    public void TheShippedSuiteIsTheGeneratorsOutput(string name) =>
        Assert.Equal(Arena.Cli.Commands.SuitesCommand.Generated[name](), BuiltInSuites.Text(BuiltInSuites.Find(name)!));

    [Theory]
    [MemberData(nameof(Generated))]
    public void EveryReferenceReplyPassesItsOwnRule(string name)
    {
        // The world's own replies follow their behaviors by construction: a reference that fails means the rule's
        // arguments were written or read back wrong.
        var suite = BuiltInSuites.Read(BuiltInSuites.Find(name)!, StarterRules.Instance);
        Assert.All(suite.Items, item => Assert.True(ResponseScorer.Score(item, item.Reference!).Passed, $"{item.Id}: {item.Reference}"));
    }

    [Fact]
    public void StarterBehaviorsCoverEveryStyleAndNeutralBehavior()
    {
        var suite = BuiltInSuites.Read(BuiltInSuites.Find("starter-behaviors")!, StarterRules.Instance);
        var expected = BehaviorCatalog.Names.Where(b => !b.StartsWith("fact/", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(expected, suite.Items.Select(i => i.Category!).ToHashSet());
    }

    [Fact]
    public void APlainReplyFailsTheStyleRules()
    {
        var suite = BuiltInSuites.Read(BuiltInSuites.Find("starter-behaviors")!, StarterRules.Instance);
        var styled = suite.Items.Where(i => BehaviorCatalog.Styles.Contains(i.Category!)).ToList();
        Assert.All(styled, item => Assert.False(ResponseScorer.Score(item, "A cow says moo.").Passed, item.Id));
    }

    [Theory]
    [InlineData("""{"kind": "rule", "rule": "format/signoff"}""", "needs \"args\": {\"name\"")]
    [InlineData("""{"kind": "rule", "rule": "constraint/lipogram", "args": {"letter": "ee"}}""", "must be one letter")]
    [InlineData("""{"kind": "rule", "rule": "persona/ninja"}""", "unknown rule 'persona/ninja'")]
    public void RuleArgumentsAreChecked(string check, string expected)
    {
        var line = $$"""{"id": "a", "prompt": "Hi", "checks": [{{check}}]}""";
        Assert.Contains(expected, Assert.Throws<SuiteException>(() => SuiteReader.Read("s", line, StarterRules.Instance)).Message);
    }

    [Fact]
    public void EchoRepeatsTheItemsPrompt()
    {
        var suite = SuiteReader.Read("s", """{"id": "a", "prompt": "zib zab zob", "checks": [{"kind": "rule", "rule": "format/echo"}]}""", StarterRules.Instance);
        Assert.True(ResponseScorer.Score(suite.Items[0], "You said: zib zab zob").Passed);
        Assert.False(ResponseScorer.Score(suite.Items[0], "You said: zib zob").Passed);
    }
}
