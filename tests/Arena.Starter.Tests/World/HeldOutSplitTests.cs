using System.Text.RegularExpressions;
using Arena.Starter.World;

namespace Arena.Starter.Tests.World;

public class HeldOutSplitTests
{
    private const int TrainSize = 20_000;
    private static readonly Lazy<IReadOnlyList<Conversation>> Train = new(() => InstructionWorld.Generate(99, TrainSize));
    private static readonly string[] EntityKinds = ["country", "town", "first", "last", "gadget", "pet", "thing"];

    [Fact]
    public void HeldOutEntityNamesNeverAppearInTrain()
    {
        var trainWords = TrainTexts().SelectMany(t => Regex.Matches(t, @"\p{L}+").Select(m => m.Value.ToLowerInvariant())).ToHashSet();
        var names = WorldTables.Instance.Names;
        foreach (var kind in EntityKinds)
        {
            Assert.NotEmpty(names.Pool(kind, Split.HeldOut));
            Assert.All(names.Pool(kind, Split.HeldOut), n => Assert.DoesNotContain(n.ToLowerInvariant(), trainWords));
        }
        Assert.All(MentionStyle.Words(Split.HeldOut), w => Assert.DoesNotContain(w, trainWords));
    }

    [Fact]
    public void EntityPoolsAreDisjointAcrossKindsAndSplits()
    {
        var names = WorldTables.Instance.Names;
        var all = EntityKinds.SelectMany(k => names.Pool(k, Split.Train).Concat(names.Pool(k, Split.HeldOut))).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void HeldOutTemplatesNeverAppearInTrain()
    {
        Assert.True(AllTemplates().Count(t => t.HeldOut) > 40);
        var any = AnyHeldOutTemplate();
        Assert.All(TrainTexts(), t => Assert.False(any.IsMatch(t), t));
    }

    [Fact]
    public void HeldOutConversationsAskOnlyWithHeldOutQuestionTemplates()
    {
        var heldOutQuestions = new Regex(
            "^(?:" + string.Join("|", AllQuestionTemplates().Where(t => t.HeldOut).Select(t => $"(?:{ToPattern(t)})")) + ")$");
        // Echo turns are lists of names to repeat, not questions.
        var heldOut = InstructionWorld.Generate(5, 2000, Split.HeldOut).Where(c => c.Behavior != Arena.Starter.Behaviors.BehaviorCatalog.Echo);
        foreach (var turn in heldOut.SelectMany(c => c.Turns))
            Assert.True(heldOutQuestions.IsMatch(StripDecoration(turn.User)), turn.User);
    }

    [Fact]
    public void TrainSplitProbesUseNoHeldOutPhrasing()
    {
        // The diagnostic probes (arena starter eval --split train) must be the seen phrasings, or they diagnose nothing.
        var any = AnyHeldOutTemplate();
        var probes = InstructionWorld.Probes(7, 5, Split.Train);
        Assert.Equal(InstructionWorld.Probes(7, 5).Count, probes.Count);
        Assert.All(probes, p => Assert.False(any.IsMatch(p.System ?? "") || p.UserTurns.Any(any.IsMatch), p.System));
    }

    // One pattern matching any held-out template anywhere in a text.
    private static Regex AnyHeldOutTemplate() =>
        new(string.Join("|", AllTemplates().Where(t => t.HeldOut).Select(t => $"(?:{ToPattern(t)})")), RegexOptions.Compiled);

    // Templates become patterns: fixed text matched literally, each {slot} matching any text, "a" also as "an".
    private static string ToPattern(Template t) =>
        Regex.Replace(Regex.Replace(Regex.Escape(t.Text), @"\\\{\w+}", ".+"), @"\b([Aa])\\ ", @"$1n?\ ");

    private static IEnumerable<Template> AllQuestionTemplates() =>
        KnowledgeBase.Topics.SelectMany(t => t.Questions).Concat(FactRelation.All.SelectMany(r => r.Questions));

    private static IEnumerable<Template> AllTemplates() =>
        AllQuestionTemplates()
            .Concat(FactRelation.All.SelectMany(r => r.Statements))
            .Concat(SystemPrompts.ByBehavior.Values.SelectMany(v => v));

    private static IEnumerable<string> TrainTexts() =>
        Train.Value.SelectMany(c => c.Turns.SelectMany(t => new[] { t.User, t.Assistant }).Append(c.System ?? ""));

    private static string StripDecoration(string question) =>
        Regex.Replace(question, @"^(Hi! |Hello\. |Quick question: |Excuse me\. )|( Thanks\.| Thank you\.)$", "");
}
