using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Tests.Checks;

public class TextCheckTests
{
    [Fact]
    public void ExactPassesOnTheWholeReplyIgnoringCaseAndOuterSpace() =>
        Assert.True(new ExactCheck("Paris", caseSensitive: false).Check("  paris\n").Passed);

    [Fact]
    public void ExactFailsWhenTheReplySaysMore() =>
        Assert.False(new ExactCheck("Paris", caseSensitive: false).Check("Paris, of course.").Passed);

    [Fact]
    public void ExactHonoursCaseWhenAsked() =>
        Assert.False(new ExactCheck("Paris", caseSensitive: true).Check("paris").Passed);

    [Fact]
    public void ContainsNeedsEveryValue()
    {
        var check = new ContainsCheck(ContainsCheck.All, ["cat", "hat"], caseSensitive: false);
        Assert.True(check.Check("The CAT wore a hat.").Passed);
        Assert.False(check.Check("The cat sat.").Passed);
    }

    [Fact]
    public void AnyOfNeedsOneValue()
    {
        var check = new ContainsCheck(ContainsCheck.Any, ["yes", "yep"], caseSensitive: false);
        Assert.True(check.Check("Yep, that works").Passed);
        Assert.False(check.Check("No.").Passed);
    }

    [Fact]
    public void NoneOfFailsOnAnyValue()
    {
        var check = new ContainsCheck(ContainsCheck.None, ["sorry", "apolog"], caseSensitive: false);
        Assert.True(check.Check("Here you go.").Passed);
        Assert.False(check.Check("I apologise for that.").Passed);
    }

    [Fact]
    public void ContainsCaseSensitiveMissesOtherCase() =>
        Assert.False(new ContainsCheck(ContainsCheck.All, ["NASA"], caseSensitive: true).Check("nasa landed").Passed);

    [Fact]
    public void TextChecksScoreTheSameStrictAndLoose()
    {
        var result = new ContainsCheck(ContainsCheck.All, ["cat"], false).Check("**cat**");
        Assert.Equal(result.Passed, result.PassedLoose);
    }
}
