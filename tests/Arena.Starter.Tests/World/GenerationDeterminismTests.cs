using Arena.Starter.World;

namespace Arena.Starter.Tests.World;

public class GenerationDeterminismTests
{
    private static IReadOnlyList<string> Render(IEnumerable<Conversation> conversations) =>
        conversations.Select(c => c.Behavior + "\n" + string.Join("|", c.Contexts) + "\n" + ChatMlFormatter.Format(c).Text).ToList();

    [Fact]
    public void SameSeedGivesIdenticalConversations() =>
        Assert.Equal(Render(InstructionWorld.Generate(42, 500)), Render(InstructionWorld.Generate(42, 500)));

    [Fact]
    public void DifferentSeedsGiveDifferentConversations()
    {
        var a = Render(InstructionWorld.Generate(1, 200));
        var b = Render(InstructionWorld.Generate(2, 200));
        Assert.True(a.Zip(b).Count(p => p.First == p.Second) < 20);
    }

    [Fact]
    public void LongerRunExtendsShorterRun() =>
        Assert.Equal(Render(InstructionWorld.Generate(7, 50)), Render(InstructionWorld.Generate(7, 200)).Take(50));

    [Fact]
    public void SplitsDrawDifferentStreams()
    {
        var train = Render(InstructionWorld.Generate(3, 100, Split.Train));
        var heldOut = Render(InstructionWorld.Generate(3, 100, Split.HeldOut));
        Assert.Empty(train.Intersect(heldOut));
    }

    [Fact]
    public void ProbesAreDeterministicAndCoverEveryBehavior()
    {
        var a = InstructionWorld.Probes(5, 4);
        var b = InstructionWorld.Probes(5, 4);
        Assert.Equal(a.Select(p => p.System + string.Join("|", p.UserTurns)), b.Select(p => p.System + string.Join("|", p.UserTurns)));
        Assert.Equal(Arena.Starter.Behaviors.BehaviorCatalog.Names.Order(), a.Select(p => p.Behavior).Distinct().Order());
    }

    [Fact]
    public void MixFollowsTheDeclaredShares()
    {
        var counts = InstructionWorld.Generate(11, 20_000).GroupBy(c => c.Behavior).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (behavior, share) in InstructionWorld.BehaviorShares)
            Assert.InRange(counts[behavior] / 20_000.0, share * 0.85, share * 1.15);
    }

    [Fact]
    public void MultiTurnConversationsHaveTwoToFourTurns()
    {
        var turns = InstructionWorld.Generate(13, 3000).Select(c => c.Turns.Count).ToList();
        Assert.All(turns, n => Assert.InRange(n, 1, 4));
        Assert.InRange(turns.Count(n => n > 1) / 3000.0, 0.25, 0.35);
        Assert.All(InstructionWorld.Generate(13, 3000), c => Assert.Equal(c.Turns.Count, c.Contexts.Count));
    }
}
