using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

public sealed class OnlineEloTests
{
    [Fact]
    public void OnlineEloReplaysBattlesInTimestampOrder()
    {
        var inOrder = B.Golden();
        var r = B.Elo(B.Shuffled(inOrder, seed: 3));
        Assert.Equal(1001.91, r["A"], 0.01);
    }

    [Fact]
    public void BattlesWithEqualTimestampsKeepTheirInputOrder()
    {
        List<Battle> first = [B.Win("a", "b", t: 5), B.Win("b", "a", t: 5)];
        List<Battle> second = [B.Win("b", "a", t: 5), B.Win("a", "b", t: 5), B.Tie("a", "b", t: 1)];
        // Battles at the same time are replayed as listed, so the one listed last counts most; the tie at t = 1 goes first.
        Assert.True(B.Elo(first)["a"] < B.Elo(first)["b"]);
        Assert.True(B.Elo(second)["a"] > B.Elo(second)["b"]);
    }

    [Fact]
    public void OnlineEloIsZeroSum()
    {
        var battles = SyntheticBattles.Generate(models: 7, battles: 2000, seed: 9).Battles;
        Assert.Equal(1000, B.Elo(battles).Values.Average(), 1e-9);
    }
}
