using System.Text.Json.Nodes;
using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

public class InstructionKwargsTests
{
    private static string ErrorOf(string id, string kwargs) =>
        Assert.Throws<SuiteException>(() => Build.Instruction(id, kwargs)).Message;

    [Fact]
    public void RegistryKnowsIfEvalsTwentyFiveIds()
    {
        Assert.Equal(25, InstructionRegistry.Ids.Count);
        Assert.Equal(25, InstructionRegistry.Ids.Distinct().Count());
        Assert.Contains("detectable_format:number_highlighted_sections", InstructionRegistry.Ids);
    }

    [Fact]
    public void UnknownIdIsRefusedByName()
    {
        var error = Assert.Throws<SuiteException>(() => InstructionRegistry.Create("keywords:rhymes", null, "p"));
        Assert.Contains("'keywords:rhymes'", error.Message);
    }

    [Fact]
    public void MissingKwargIsRefusedNamingInstructionAndKwarg()
    {
        var error = ErrorOf("length_constraints:number_words", """{"num_words": 100}""");
        Assert.Contains("length_constraints:number_words", error);
        Assert.Contains("'relation' is missing", error);
    }

    [Fact]
    public void NullKwargsCountAsAbsentLikeTheHuggingFaceCopy()
    {
        var instruction = Build.Instruction("punctuation:no_comma", """{"num_words": null, "relation": null, "keywords": null}""");
        Assert.True(instruction.Follows("fine"));
        Assert.Contains("'num_words' is missing", ErrorOf("length_constraints:number_words", """{"num_words": null, "relation": "at least"}"""));
    }

    [Fact]
    public void WholeFloatsAreCountsButFractionsAndStringsAreNot()
    {
        Assert.True(Build.Instruction("detectable_format:number_bullet_lists", """{"num_bullets": 2.0}""").Follows("* a\n* b"));
        Assert.Contains("whole number", ErrorOf("detectable_format:number_bullet_lists", """{"num_bullets": 2.5}"""));
        Assert.Contains("must be a number", ErrorOf("detectable_format:number_bullet_lists", """{"num_bullets": "2"}"""));
        Assert.Contains("whole number", ErrorOf("detectable_format:number_bullet_lists", """{"num_bullets": -1}"""));
    }

    [Fact]
    public void UnknownRelationIsRefused()
    {
        var error = ErrorOf("keywords:frequency", """{"keyword": "cat", "frequency": 2, "relation": "at most"}""");
        Assert.Contains("'relation'", error);
        Assert.Contains("'at most'", error);
    }

    [Fact]
    public void KwargTheInstructionDoesNotTakeIsRefused()
    {
        Assert.Contains("'num_word' is not a kwarg", ErrorOf("length_constraints:number_words", """{"num_word": 5, "relation": "at least"}"""));
        Assert.Contains("it takes none", ErrorOf("detectable_format:title", """{"num_words": 5}"""));
    }

    [Fact]
    public void WrongTypesAreRefused()
    {
        Assert.Contains("list of strings", ErrorOf("keywords:existence", """{"keywords": "cat"}"""));
        Assert.Contains("non-empty strings", ErrorOf("keywords:forbidden_words", """{"forbidden_words": ["cat", 3]}"""));
        Assert.Contains("must be a string", ErrorOf("startend:end_checker", """{"end_phrase": 42}"""));
        Assert.Contains("must not be empty", ErrorOf("combination:repeat_prompt", """{"prompt_to_repeat": " "}"""));
    }

    [Fact]
    public void LetterMustBeOneCharacter()
    {
        Assert.Contains("single character", ErrorOf("keywords:letter_frequency", """{"letter": "ab", "let_frequency": 2, "let_relation": "at least"}"""));
    }

    [Fact]
    public void LanguageMustBeACodeWithAKnownScript()
    {
        Assert.Contains("'klingon'", ErrorOf("language:response_language", """{"language": "klingon"}"""));
    }

    [Fact]
    public void NthParagraphMustBeWithinTheParagraphCount()
    {
        Assert.Contains("'nth_paragraph'", ErrorOf("length_constraints:nth_paragraph_first_word",
            """{"num_paragraphs": 2, "nth_paragraph": 3, "first_word": "so"}"""));
    }

    [Fact]
    public void NoKwargsObjectIsTheSameAsAnEmptyOne()
    {
        Assert.True(InstructionRegistry.Create("startend:quotation", null, "p").Follows("\"hi\""));
        Assert.Throws<SuiteException>(() => InstructionRegistry.Create("detectable_format:multiple_sections", new JsonObject(), "p"));
    }
}
