namespace Arena.Evaluation.Tests.Instructions;

public class FormatInstructionTests
{
    [Fact]
    public void PlaceholdersAreSquareBrackets()
    {
        var instruction = Build.Instruction("detectable_content:number_placeholders", """{"num_placeholders": 2}""");
        Assert.True(instruction.Follows("Dear [name], see you at [address]."));
        Assert.False(instruction.Follows("Dear [name], see you at {address}."));
    }

    [Fact]
    public void PostscriptMatchesTheMarkerInAnyCaseWithSpaces()
    {
        var ps = Build.Instruction("detectable_content:postscript", """{"postscript_marker": "P.S."}""");
        Assert.True(ps.Follows("Body text.\n\np. s. call me"));
        Assert.False(ps.Follows("Body text without a postscript."));
        var pps = Build.Instruction("detectable_content:postscript", """{"postscript_marker": "P.P.S"}""");
        Assert.True(pps.Follows("Body.\nP.P.S. one more thing"));
        Assert.False(pps.Follows("Body.\nP.S. only one"));
    }

    [Fact]
    public void PostscriptTakesAnyOtherMarkerLiterally()
    {
        var instruction = Build.Instruction("detectable_content:postscript", """{"postscript_marker": "Note:"}""");
        Assert.True(instruction.Follows("Body.\nNOTE: bring snacks"));
        Assert.False(instruction.Follows("Body.\nNotes bring snacks"));
    }

    [Fact]
    public void BulletListsCountStarAndDashLinesExactly()
    {
        var instruction = Build.Instruction("detectable_format:number_bullet_lists", """{"num_bullets": 3}""");
        Assert.True(instruction.Follows("Intro\n* one\n- two\n  * three\n**Bold** is no bullet"));
        Assert.False(instruction.Follows("* one\n* two"));
        Assert.False(instruction.Follows("* one\n* two\n* three\n* four"));
    }

    [Fact]
    public void ConstrainedResponseNeedsOneOfTheThreeAnswers()
    {
        var instruction = Build.Instruction("detectable_format:constrained_response");
        Assert.True(instruction.Follows("Having thought about it: My answer is maybe."));
        Assert.False(instruction.Follows("My answer is probably."));
    }

    [Fact]
    public void HighlightsCountSingleAndDoubleAsterisksButNotBlankOnes()
    {
        var instruction = Build.Instruction("detectable_format:number_highlighted_sections", """{"num_highlights": 2}""");
        Assert.True(instruction.Follows("An *important* and a **bold** part."));
        Assert.False(instruction.Follows("Only *one* here and * * blank."));
    }

    [Fact]
    public void MultipleSectionsCountsTheSplitterFollowedByANumber()
    {
        var instruction = Build.Instruction("detectable_format:multiple_sections", """{"section_spliter": "SECTION", "num_sections": 2}""");
        Assert.True(instruction.Follows("SECTION 1\nIntro.\nSECTION 2\nBody."));
        Assert.False(instruction.Follows("SECTION 1\nIntro.\nSection 2\nBody."));
    }

    [Fact]
    public void JsonFormatAcceptsFencedJsonAndRefusesProse()
    {
        var instruction = Build.Instruction("detectable_format:json_format");
        Assert.True(instruction.Follows("```json\n{\"name\": \"Ada\", \"langs\": [1, 2]}\n```"));
        Assert.True(instruction.Follows("  [1, 2, 3]  "));
        Assert.False(instruction.Follows("Here is the JSON: {\"name\": \"Ada\"}"));
        Assert.False(instruction.Follows("{\"name\": \"Ada\",}"));
    }

    [Fact]
    public void TitleNeedsNonBlankTextInDoubleAngularBrackets()
    {
        var instruction = Build.Instruction("detectable_format:title");
        Assert.True(instruction.Follows("<<Poem of Joy>>\nRoses..."));
        Assert.False(instruction.Follows("<< >>\nRoses..."));
        Assert.False(instruction.Follows("<Poem of Joy>\nRoses..."));
    }
}
