using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

public sealed class PairwiseMatricesTests
{
    static readonly AggregatedBattles Battles = AggregatedBattles.From(IndexedBattles.From(
        [B.Win("a", "b"), B.Win("a", "b"), B.Win("b", "a"), B.Tie("a", "b"), B.Tie("b", "c"), B.Win("c", "a")]));

    [Fact]
    public void WinFractionsLeaveTiesOut()
    {
        var w = PairwiseMatrices.WinFractions(Battles);
        Assert.Equal(2.0 / 3, w["a", "b"]!.Value, 1e-12);
        Assert.Equal(1.0 / 3, w["b", "a"]!.Value, 1e-12);
        Assert.Equal(1.0, w["c", "a"]!.Value, 1e-12);
        Assert.Null(w["b", "c"]); // only a tie: no decisive battle
        Assert.Null(w["a", "a"]);
    }

    [Fact]
    public void BattleCountsAreSymmetricAndIncludeTies()
    {
        var n = PairwiseMatrices.BattleCounts(Battles);
        Assert.Equal(4, n["a", "b"]);
        Assert.Equal(4, n["b", "a"]);
        Assert.Equal(1, n["c", "b"]);
        Assert.Equal(0, n["c", "c"]);
    }
}
