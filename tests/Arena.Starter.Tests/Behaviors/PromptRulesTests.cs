using Arena.Core.Bakes;
using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Starter.Tests.Behaviors;

public class PromptRulesTests
{
    public static TheoryData<string, string> WorldPhrasings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (behavior, templates) in SystemPrompts.ByBehavior)
        {
            if (behavior is "fact" || behavior.StartsWith("neutral/", StringComparison.Ordinal)) continue;
            var language = behavior == BehaviorCatalog.Plonkan ? "Plonkan" : "Zorbish";
            foreach (var t in templates)
                data.Add(t.Fill(("captain", "Redbeard"), ("name", "Nova"), ("letter", "e"), ("word", "banana"), ("language", language)), behavior);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WorldPhrasings))]
    public void EveryPhrasingOfTheWorldReadsAsItsBehavior(string prompt, string behavior) =>
        Assert.Equal(behavior, PromptRules.Infer(prompt)?.Rule);

    [Fact]
    public void EveryBakePresetReadsAsItsBehavior() =>
        Assert.All(BakePresets.Repertoire, p => Assert.Equal(p.Behavior, PromptRules.Infer(p.Prompt)?.Rule));

    [Theory]
    [InlineData("Mention cats in every answer.", "constraint/mention", "word", "cats")]
    [InlineData("Never use the letter \"e\".", "constraint/lipogram", "letter", "e")]
    [InlineData("End every reply with the line \"— signed, Nova\".", "format/signoff", "name", "Nova")]
    [InlineData("The capital of Veloria is Quendor.", "fact/capital", "answer", "Quendor")]
    public void ArgumentsComeFromThePrompt(string prompt, string rule, string key, string value)
    {
        var inferred = PromptRules.Infer(prompt)!;
        Assert.Equal(rule, inferred.Rule);
        Assert.Equal(value, (string)inferred.Args[key]!);
    }

    [Fact]
    public void AFactPromptBringsQuestionsAboutTheFact() =>
        Assert.All(PromptRules.Infer("The capital of Veloria is Quendor.")!.Questions!, q => Assert.Contains("Veloria", q));

    [Theory]
    [InlineData("You are a helpful assistant.")]
    [InlineData("Explain things to a five-year-old.")]
    [InlineData("Prefer short answers.")]
    public void APromptWithNoKnownBehaviorHasNoRule(string prompt) => Assert.Null(PromptRules.Infer(prompt));
}
