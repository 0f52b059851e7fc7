using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

public class LengthInstructionTests
{
    [Fact]
    public void SentenceSplitterKeepsAbbreviationsDecimalsAndSitesInOneSentence()
    {
        Assert.Equal(2, Sentences.Count("Dr. Smith paid 3.50 dollars at example.com today. He left!"));
        Assert.Equal(1, Sentences.Count("The U.S.A. is large"));
        Assert.Equal(3, Sentences.Count("One. Two? Three!"));
        Assert.Equal(0, Sentences.Count(""));
    }

    [Fact]
    public void NumberSentencesLessThanFailsAtTheThreshold()
    {
        var instruction = Build.Instruction("length_constraints:number_sentences", """{"num_sentences": 3, "relation": "less than"}""");
        Assert.True(instruction.Follows("First. Second."));
        Assert.False(instruction.Follows("First. Second. Third."));
    }

    [Fact]
    public void NumberSentencesAtLeastNeedsEnoughSentences()
    {
        var instruction = Build.Instruction("length_constraints:number_sentences", """{"num_sentences": 2, "relation": "at least"}""");
        Assert.True(instruction.Follows("First one. Second one."));
        Assert.False(instruction.Follows("Only one sentence here"));
    }

    [Fact]
    public void WordsAreRunsOfLettersDigitsAndUnderscores()
    {
        Assert.Equal(8, Words.Count("It's a well-known fact_1, isn't"));
        Assert.Equal(0, Words.Count("*** --- !!!"));
    }

    [Fact]
    public void NumberWordsComparesTheWordCount()
    {
        var atLeast = Build.Instruction("length_constraints:number_words", """{"num_words": 5, "relation": "at least"}""");
        Assert.True(atLeast.Follows("one two three four five"));
        Assert.False(atLeast.Follows("one two three four"));
        var lessThan = Build.Instruction("length_constraints:number_words", """{"num_words": 5, "relation": "less than"}""");
        Assert.True(lessThan.Follows("one two three four"));
        Assert.False(lessThan.Follows("one two three four five"));
    }

    [Fact]
    public void NumberParagraphsSplitsOnTheMarkdownDivider()
    {
        var instruction = Build.Instruction("length_constraints:number_paragraphs", """{"num_paragraphs": 2}""");
        Assert.True(instruction.Follows("First part.\n***\nSecond part."));
        Assert.True(instruction.Follows("***\nFirst part.\n***\nSecond part.\n***"));
        Assert.False(instruction.Follows("First part.\n\nSecond part."));
    }

    [Fact]
    public void NumberParagraphsFailsOnAnEmptyParagraphBetweenDividers()
    {
        var instruction = Build.Instruction("length_constraints:number_paragraphs", """{"num_paragraphs": 2}""");
        Assert.False(instruction.Follows("First part.\n***\n***\nSecond part."));
    }

    [Fact]
    public void NthParagraphFirstWordSplitsOnBlankLinesAndIgnoresCaseAndPunctuation()
    {
        var instruction = Build.Instruction("length_constraints:nth_paragraph_first_word",
            """{"num_paragraphs": 3, "nth_paragraph": 2, "first_word": "Crash"}""");
        Assert.True(instruction.Follows("Opening.\n\n\"crash, bang\" went the car.\n\nClosing."));
        Assert.False(instruction.Follows("Opening.\n\nReports came late.\n\nClosing."));
        Assert.False(instruction.Follows("Opening.\n\nCrash reports came late."));
    }

    [Fact]
    public void NthParagraphFirstWordFailsWhenTheNthPieceIsEmpty()
    {
        // Four newlines leave an empty piece between the two paragraphs: counted out, but still the second piece.
        var instruction = Build.Instruction("length_constraints:nth_paragraph_first_word",
            """{"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "third"}""");
        Assert.False(instruction.Follows("First.\n\n\n\nThird para."));
    }
}
