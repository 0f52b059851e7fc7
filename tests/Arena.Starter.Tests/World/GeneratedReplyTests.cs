using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Starter.Tests.World;

public class GeneratedReplyTests
{
    public static TheoryData<string> Behaviors => [.. BehaviorCatalog.Names];

    [Theory]
    [MemberData(nameof(Behaviors))]
    public void EveryGeneratedReplyFollowsItsBehavior(string behavior)
    {
        foreach (var split in new[] { Split.Train, Split.HeldOut })
        foreach (var c in InstructionWorld.Generate(17, behavior, 300, split))
            for (var i = 0; i < c.Turns.Count; i++)
                Assert.True(c.Checker.Follows(c.Turns[i].Assistant, c.Contexts[i]), $"{behavior}: {c.Turns[i].Assistant}");
    }

    [Fact]
    public void EveryReplyOfTheMixedStreamFollowsItsBehaviorAndIsNotDegenerate()
    {
        foreach (var c in InstructionWorld.Generate(19, 5000))
            for (var i = 0; i < c.Turns.Count; i++)
            {
                Assert.True(c.Checker.Follows(c.Turns[i].Assistant, c.Contexts[i]), $"{c.Behavior}: {c.Turns[i].Assistant}");
                Assert.False(RepetitionDetector.IsDegenerate(c.Turns[i].Assistant), c.Turns[i].Assistant);
            }
    }

    [Fact]
    public void CombinedTrainingPromptsFollowBothTheStyleAndTheSignOff()
    {
        var signOff = BehaviorCatalog.Checker(BehaviorCatalog.SignOff);
        var combined = 0;
        foreach (var behavior in new[] { BehaviorCatalog.Pirate, BehaviorCatalog.Caps, BehaviorCatalog.Formal, BehaviorCatalog.Cheerful, BehaviorCatalog.Sad })
            foreach (var c in InstructionWorld.Generate(29, behavior, 200).Where(c => c.Contexts[0].SignOffName is not null))
            {
                combined++;
                Assert.Contains(c.Contexts[0].SignOffName!, c.System);
                for (var i = 0; i < c.Turns.Count; i++)
                {
                    Assert.True(c.Checker.Follows(c.Turns[i].Assistant, c.Contexts[i]), $"{behavior}: {c.Turns[i].Assistant}");
                    Assert.True(signOff.Follows(c.Turns[i].Assistant, c.Contexts[i]), $"{behavior} + sign-off: {c.Turns[i].Assistant}");
                }
            }
        Assert.InRange(combined, 150, 350);  // a quarter of 1,000
        Assert.All(InstructionWorld.Generate(29, BehaviorCatalog.Pirate, 200, Split.HeldOut), c => Assert.Null(c.Contexts[0].SignOffName));
    }

    [Fact]
    public void EveryNeutralAnswerFailsEveryStyleChecker()
    {
        var contexts = StyleContexts().ToList();
        foreach (var answer in AllNeutralAnswers())
            foreach (var style in BehaviorCatalog.Styles)
                foreach (var context in contexts)
                    Assert.False(BehaviorCatalog.Checker(style).Follows(answer, context), $"{style} accepts '{answer}'");
    }

    [Fact]
    public void EveryNeutralAnswerPassesThePlainChecker() =>
        Assert.All(AllNeutralAnswers(), a => Assert.True(BehaviorCatalog.Checker(BehaviorCatalog.Plain).Follows(a, BehaviorContext.None), a));

    [Fact]
    public void GeneratedStyledRepliesFailThePlainChecker()
    {
        var plain = BehaviorCatalog.Checker(BehaviorCatalog.Plain);
        // Lipogram, mention and echo replies can look plain by design; every other style leaves a visible mark.
        var marked = BehaviorCatalog.Styles.Except([BehaviorCatalog.Lipogram, BehaviorCatalog.Mention, BehaviorCatalog.Echo, BehaviorCatalog.Zorbish, BehaviorCatalog.Plonkan]);
        foreach (var behavior in marked)
            foreach (var c in InstructionWorld.Generate(23, behavior, 100))
                Assert.All(c.Turns, t => Assert.False(plain.Follows(t.Assistant, BehaviorContext.None), $"{behavior}: {t.Assistant}"));
    }

    [Fact]
    public void EveryLipogramLetterHasEnoughFillerSentences() =>
        Assert.All(LipogramStyle.Letters, l => Assert.True(LipogramStyle.PoolWithout(l).Count >= 5, $"letter {l}"));

    private static IEnumerable<string> AllNeutralAnswers() =>
        KnowledgeBase.Topics.SelectMany(t => t.AllAnswers()).Select(s => string.Join(" ", s));

    // Every parameter value a style can take, each on top of a context that sets all the others.
    private static IEnumerable<BehaviorContext> StyleContexts()
    {
        var full = new BehaviorContext
        {
            SignOffName = "Tavo", ForbiddenLetter = 'e', RequiredWord = "lantern", Language = InstructionWorld.Zorbish,
            EchoText = "Zeptik Bavoria belmot",
        };
        foreach (var letter in LipogramStyle.Letters)
            yield return full with { ForbiddenLetter = letter };
        foreach (var word in MentionStyle.Words(Split.Train).Concat(MentionStyle.Words(Split.HeldOut)))
            yield return full with { RequiredWord = word };
        yield return full with { Language = InstructionWorld.Plonkan };
    }
}
