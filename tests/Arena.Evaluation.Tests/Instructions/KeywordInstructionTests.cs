namespace Arena.Evaluation.Tests.Instructions;

public class KeywordInstructionTests
{
    [Fact]
    public void ExistenceNeedsEveryKeywordInAnyCase()
    {
        var instruction = Build.Instruction("keywords:existence", """{"keywords": ["quantum", "Entangled"]}""");
        Assert.True(instruction.Follows("The QUANTUM pair stayed entangled."));
        Assert.False(instruction.Follows("The quantum pair stayed apart."));
    }

    [Fact]
    public void ExistenceTakesKeywordsAsTextNotPatterns()
    {
        var instruction = Build.Instruction("keywords:existence", """{"keywords": ["C++"]}""");
        Assert.True(instruction.Follows("I write C++ daily."));
        Assert.False(instruction.Follows("I write CCC daily."));
    }

    [Fact]
    public void FrequencyCountsInsideLongerWordsAsIfEvalDoes()
    {
        var atLeast = Build.Instruction("keywords:frequency", """{"keyword": "cat", "frequency": 3, "relation": "at least"}""");
        Assert.True(atLeast.Follows("A cat, a Cat and a category."));
        Assert.False(atLeast.Follows("A cat and a dog."));
    }

    [Fact]
    public void FrequencyLessThanFailsAtTheThreshold()
    {
        var lessThan = Build.Instruction("keywords:frequency", """{"keyword": "very", "frequency": 2, "relation": "less than"}""");
        Assert.True(lessThan.Follows("A very good day."));
        Assert.False(lessThan.Follows("A very very good day."));
    }

    [Fact]
    public void ForbiddenWordsFailOnAWholeWordInAnyCase()
    {
        var instruction = Build.Instruction("keywords:forbidden_words", """{"forbidden_words": ["rock", "roll"]}""");
        Assert.False(instruction.Follows("Let's ROCK tonight."));
        Assert.True(instruction.Follows("Rocks and rolling stones are fine."));
    }

    [Fact]
    public void LetterFrequencyCountsTheLetterInEitherCase()
    {
        var instruction = Build.Instruction("keywords:letter_frequency", """{"letter": "o", "let_frequency": 3, "let_relation": "at least"}""");
        Assert.True(instruction.Follows("Oh, good!"));
        Assert.False(instruction.Follows("Oh no."));
    }

    [Fact]
    public void LetterFrequencyAlsoCountsPunctuationLikeIfEvalData()
    {
        var instruction = Build.Instruction("keywords:letter_frequency", """{"letter": "!", "let_frequency": 2, "let_relation": "less than"}""");
        Assert.True(instruction.Follows("Wow! Calm now."));
        Assert.False(instruction.Follows("Wow! Amazing!"));
    }
}
