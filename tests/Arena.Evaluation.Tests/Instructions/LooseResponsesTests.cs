using Arena.Evaluation.Checks;
using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

public class LooseResponsesTests
{
    [Fact]
    public void LooseVariantsAreIfEvalsEightInItsOrder()
    {
        var variants = LooseResponses.Of("Sure!\n**Title**\n\nBody *x*\nBye ");
        Assert.Equal(
        [
            "Sure!\n**Title**\n\nBody *x*\nBye ",
            "Sure!\nTitle\n\nBody x\nBye ",
            "**Title**\n\nBody *x*\nBye",
            "Sure!\n**Title**\n\nBody *x*",
            "**Title**\n\nBody *x*",
            "Title\n\nBody x\nBye",
            "Sure!\nTitle\n\nBody x",
            "Title\n\nBody x",
        ], variants);
    }

    [Fact]
    public void ASingleLineReplyHasEmptyTrimmedVariants()
    {
        Assert.Equal([" hi* ", " hi ", "", "", "", "", "", ""], LooseResponses.Of(" hi* "));
    }

    [Fact]
    public void AnIntroLinePassesRepeatPromptOnlyLoosely()
    {
        var check = new InstructionCheck(Build.Instruction("combination:repeat_prompt", """{"prompt_to_repeat": "Name three birds."}"""));
        var result = check.Check("Sure, here you go:\nName three birds.\nRobin, wren, owl.");
        Assert.False(result.Passed);
        Assert.True(result.PassedLoose);
    }

    [Fact]
    public void MarkdownAsterisksPassTheSentenceEndOnlyLoosely()
    {
        var check = new InstructionCheck(Build.Instruction("startend:end_checker", """{"end_phrase": "Is there anything else I can help with?"}"""));
        var result = check.Check("Here it is.\n**Is there anything else I can help with?**");
        Assert.False(result.Passed);
        Assert.True(result.PassedLoose);
    }

    [Fact]
    public void AClosingLineAfterJsonPassesOnlyLoosely()
    {
        var check = new InstructionCheck(Build.Instruction("detectable_format:json_format"));
        var result = check.Check("{\"ok\": true}\nHope this helps!");
        Assert.False(result.Passed);
        Assert.True(result.PassedLoose);
    }

    [Fact]
    public void AReplyFailingEveryVariantFailsLooselyToo()
    {
        var check = new InstructionCheck(Build.Instruction("punctuation:no_comma"));
        var result = check.Check("One, two.\nThree, four.\nFive, six.");
        Assert.False(result.Passed);
        Assert.False(result.PassedLoose);
    }
}
