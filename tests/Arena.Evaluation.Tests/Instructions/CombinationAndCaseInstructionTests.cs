using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

public class CombinationAndCaseInstructionTests
{
    [Fact]
    public void TwoResponsesNeedsTwoDifferentAnswersAroundSixAsterisks()
    {
        var instruction = Build.Instruction("combination:two_responses");
        Assert.True(instruction.Follows("First joke.\n******\nSecond joke."));
        Assert.False(instruction.Follows("Same joke.\n******\nSame joke."));
        Assert.False(instruction.Follows("Only one joke."));
        Assert.False(instruction.Follows("One.\n******\n******\nTwo."));
    }

    [Fact]
    public void RepeatPromptNeedsTheReplyToBeginWithThePrompt()
    {
        var instruction = Build.Instruction("combination:repeat_prompt", """{"prompt_to_repeat": "Write a haiku about rain."}""");
        Assert.True(instruction.Follows("write a haiku about RAIN.\nSoft rain on the roof..."));
        Assert.False(instruction.Follows("Sure! Write a haiku about rain.\nSoft rain..."));
    }

    [Fact]
    public void EndCheckerAllowsClosingQuotesAndAnyCase()
    {
        var instruction = Build.Instruction("startend:end_checker", """{"end_phrase": "Any other questions?"}""");
        Assert.True(instruction.Follows("\"Here is my answer. any other questions?\"\n"));
        Assert.False(instruction.Follows("Any other questions? Bye."));
    }

    [Fact]
    public void QuotationNeedsDoubleQuotesAtBothEnds()
    {
        var instruction = Build.Instruction("startend:quotation");
        Assert.True(instruction.Follows("  \"A quoted reply.\"\n"));
        Assert.False(instruction.Follows("\"A quoted reply.\" Then more."));
        Assert.False(instruction.Follows("\""));
    }

    [Fact]
    public void CapitalWordsAreNltkTokensInAllCapitals()
    {
        Assert.Equal(["DO", "N'T", "panic", ",", "WELL-KNOWN", "U.S.", "team", "!"], Words.Tokenize("DON'T panic, WELL-KNOWN U.S. team!"));
    }

    [Fact]
    public void CapitalWordsSplitRunTogetherWordsButNotAContractionAtALineEndLikeNltk()
    {
        Assert.Equal(["I", "CAN", "NOT", "GON", "NA", "'T", "IS", "DON'T", "OK"], Words.Tokenize("I CANNOT GONNA 'TIS DON'T\nOK"));
    }

    [Fact]
    public void CapitalWordFrequencyComparesTheCapitalWordCount()
    {
        var atLeast = Build.Instruction("change_case:capital_word_frequency", """{"capital_frequency": 2, "capital_relation": "at least"}""");
        Assert.True(atLeast.Follows("This is VERY, VERY important."));
        Assert.False(atLeast.Follows("This is Very important, ok?"));
        var lessThan = Build.Instruction("change_case:capital_word_frequency", """{"capital_frequency": 2, "capital_relation": "less than"}""");
        Assert.True(lessThan.Follows("Only ONE shout."));
        Assert.False(lessThan.Follows("TWO SHOUTS."));
    }

    [Fact]
    public void NoCommaFailsOnAnyComma()
    {
        var instruction = Build.Instruction("punctuation:no_comma");
        Assert.True(instruction.Follows("No commas here; none at all."));
        Assert.False(instruction.Follows("Well, one comma."));
    }
}
