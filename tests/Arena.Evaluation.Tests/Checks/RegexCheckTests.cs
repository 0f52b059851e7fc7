using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Tests.Checks;

public class RegexCheckTests
{
    [Fact]
    public void RegexPassesWhenThePatternMatches() =>
        Assert.True(RegexCheck.Create(@"\b\d{4}-\d{2}-\d{2}\b", ignoreCase: false, mustMatch: true).Check("Due 2026-12-07.").Passed);

    [Fact]
    public void RegexFailsWhenThePatternDoesNotMatch() =>
        Assert.False(RegexCheck.Create(@"^\d+$", ignoreCase: false, mustMatch: true).Check("forty-two").Passed);

    [Fact]
    public void RegexWithMatchFalsePassesOnlyWithoutAMatch()
    {
        var check = RegexCheck.Create("as an ai", ignoreCase: true, mustMatch: false);
        Assert.True(check.Check("Sure, here it is.").Passed);
        Assert.False(check.Check("As an AI, I cannot.").Passed);
    }

    [Fact]
    public void RegexThatCannotBeParsedIsASuiteError()
    {
        var e = Assert.Throws<SuiteException>(() => RegexCheck.Create("(unclosed", false, true));
        Assert.Contains("(unclosed", e.Message);
    }

    [Fact]
    public void CatastrophicRegexFailsTheItemWithAnErrorInsteadOfHanging()
    {
        var check = RegexCheck.Create("^(a+)+$", ignoreCase: false, mustMatch: true);
        var result = check.Check(new string('a', 40) + "!");
        Assert.False(result.Passed);
        Assert.Contains("longer than", result.Error);
    }
}
