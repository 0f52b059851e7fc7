using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

public sealed class AgreementWithHumansTests
{
    static Dictionary<string, double> Board(params (string Model, double Rating)[] rows) => rows.ToDictionary(r => r.Model, r => r.Rating);

    [Fact]
    public void TheSameOrderAgreesFully()
    {
        var agreement = AgreementWithHumans.Compute(Board(("a", 1100), ("b", 1000), ("c", 900)), Board(("a", 1300), ("b", 1010), ("c", 1000)));
        Assert.Equal((3, 3, 1.0, 1.0), (agreement.Pairs, agreement.SameOrder, agreement.Share, agreement.KendallTau));
    }

    [Fact]
    public void TheReverseOrderDisagreesFully()
    {
        var agreement = AgreementWithHumans.Compute(Board(("a", 1100), ("b", 1000), ("c", 900)), Board(("a", 900), ("b", 1000), ("c", 1100)));
        Assert.Equal((0, 0.0, -1.0), (agreement.SameOrder, agreement.Share, agreement.KendallTau));
    }

    [Fact]
    public void OneSwappedPairOfFourModels()
    {
        // Humans swap c and d: 5 of 6 pairs agree, τ = (5 − 1) / 6.
        var agreement = AgreementWithHumans.Compute(
            Board(("a", 1200), ("b", 1100), ("c", 1000), ("d", 900)),
            Board(("a", 1200), ("b", 1100), ("c", 900), ("d", 1000)));
        Assert.Equal((6, 5), (agreement.Pairs, agreement.SameOrder));
        Assert.Equal(5 / 6.0, agreement.Share!.Value, 12);
        Assert.Equal(4 / 6.0, agreement.KendallTau!.Value, 12);
    }

    [Fact]
    public void OnlyModelsOnBothBoardsAreCompared()
    {
        var agreement = AgreementWithHumans.Compute(Board(("a", 1100), ("b", 1000), ("judged-only", 2000)), Board(("a", 1050), ("b", 950), ("voted-only", 0)));
        Assert.Equal(["a", "b"], agreement.Models);
        Assert.Equal((1, 1, 1.0), (agreement.Pairs, agreement.SameOrder, agreement.Share));
    }

    [Fact]
    public void FewerThanTwoSharedModelsGiveNoFigures()
    {
        var agreement = AgreementWithHumans.Compute(Board(("a", 1100), ("b", 1000)), Board(("a", 1000), ("c", 1000)));
        Assert.Equal((0, (double?)null, (double?)null), (agreement.Pairs, agreement.Share, agreement.KendallTau));
    }

    [Fact]
    public void TiesFollowKendallsTauB()
    {
        // a and b tied on the automatic board only: concordant 2, discordant 0, one pair tied automatically.
        // τ-b = 2 / √(2 · 3); the tied pair is not the same order, so 2 of 3 agree.
        var agreement = AgreementWithHumans.Compute(Board(("a", 1000), ("b", 1000), ("c", 900)), Board(("a", 1100), ("b", 1000), ("c", 900)));
        Assert.Equal(2, agreement.SameOrder);
        Assert.Equal(2 / Math.Sqrt(6), agreement.KendallTau!.Value, 12);
    }

    [Fact]
    public void LeaderboardsAreComparedByRating()
    {
        var automatic = Leaderboard.Compute([.. Enumerable.Repeat(B.Win("x", "y"), 3), B.Win("y", "x")], DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 0 });
        var human = Leaderboard.Compute([.. Enumerable.Repeat(B.Win("y", "x"), 3), B.Win("x", "y")], DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 0 });
        Assert.Equal(-1.0, AgreementWithHumans.Compute(automatic, human).KendallTau);
        Assert.Equal(1.0, AgreementWithHumans.Compute(automatic, automatic).Share);
    }
}
