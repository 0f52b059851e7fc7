using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Tests.Checks;

public class NumericCheckTests
{
    [Theory]
    [InlineData("3 boxes of 12 make 36, minus 7 is 29.", 29)]
    [InlineData("First 12 × 3 = 36.\n#### 36", 36)]
    [InlineData("#### 1,250 and then 7 more words", 1250)]
    [InlineData("It costs $1,234.50 in total.", 1234.5)]
    [InlineData("The change is -3 dollars.", -3)]
    public void TheAnswerIsTheNumberAfterHashesOrElseTheLastOne(string reply, double expected) =>
        Assert.Equal(expected, NumericCheck.Answer(reply));

    [Fact]
    public void NumericPassesWithinTolerance() =>
        Assert.True(new NumericCheck(3.14, 0.01).Check("Pi is about 3.141").Passed);

    [Fact]
    public void NumericFailsOutsideTolerance() =>
        Assert.False(new NumericCheck(29, 1e-6).Check("I think it is 30.").Passed);

    [Fact]
    public void NumericFailsWhenTheReplyHasNoNumber() =>
        Assert.False(new NumericCheck(29, 1e-6).Check("I do not know.").Passed);

    [Fact]
    public void NumericReadsTheAnswerNotAnEarlierStep() =>
        Assert.False(new NumericCheck(36, 1e-6).Check("12 × 3 = 36, then 36 - 7 = 29").Passed);
}
