using Arena.Evaluation.Checks;
using Arena.Evaluation.Judging;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.Judging;

public class RuleJudgeTests
{
    static readonly SuiteItem Item = SuiteReader.Read("s",
        """{"id": "q", "prompt": "Name a red fruit, in lower case.", "checks": [{"kind": "contains", "value": "apple"}, {"kind": "instruction", "id": "change_case:english_lowercase"}]}""",
        NoRules.Instance).Items[0];

    [Theory]
    [InlineData("an apple", "An Apple", Verdict.A, "A passes 2/2 checks, B passes 1/2")]
    [InlineData("a cherry", "an apple", Verdict.B, "A passes 1/2 checks, B passes 2/2")]
    [InlineData("AN APPLE", "a cherry", Verdict.Tie, "A passes 1/2 checks, B passes 1/2")]
    public void TheAnswerPassingMoreChecksWins(string a, string b, Verdict expected, string reason)
    {
        var judgment = RuleJudge.Judge(new JudgeRequest(Item, a, b));
        Assert.Equal((expected, reason, true), (judgment.Verdict, judgment.Reason, judgment.Parsed));
    }

    [Fact]
    public void AnItemWithoutChecksIsATie()
    {
        var bare = Item with { Checks = [] };
        var judgment = RuleJudge.Judge(new JudgeRequest(bare, "an apple", ""));
        Assert.Equal((Verdict.Tie, "the item has no checks"), (judgment.Verdict, judgment.Reason));
    }

    [Fact]
    public void TheRuleJudgeIsNoModel() => Assert.Null(new RuleJudge().Model);
}
