using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

/// <summary>
/// Hand-checked numbers. Bradley–Terry: A scores 2.5 of 4, so p = 0.625 and the gap is 400·log10(0.625/0.375) =
/// 88.74 points, centred on 1000. Elo, K = 4: +2.00, +1.98, −2.05, −0.02 for A in turn.
/// </summary>
public sealed class GoldenValueTests
{
    [Fact]
    public void BradleyTerryGivesTheHandComputedRatingsForTheGoldenBattles()
    {
        var r = B.BradleyTerry(B.Golden());
        Assert.Equal(1044.37, r["A"], 0.01);
        Assert.Equal(955.63, r["B"], 0.01);
    }

    [Fact]
    public void OnlineEloGivesTheHandComputedRatingsForTheGoldenBattles()
    {
        var r = B.Elo(B.Golden());
        Assert.Equal(1001.91, r["A"], 0.01);
        Assert.Equal(998.09, r["B"], 0.01);
    }

    [Fact]
    public void LeaderboardShowsTheGoldenValuesAndCountsTiesAsHalfAWin()
    {
        var table = Leaderboard.Compute(B.Golden(), DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 20 });
        var a = table.Models.Single(m => m.Model == "A");
        Assert.Equal(1044.37, a.Rating, 0.01);
        Assert.Equal(1001.91, a.Elo, 0.01);
        Assert.Equal((4, 2, 1, 1), (a.Battles, a.Wins, a.Ties, a.Losses));
        Assert.Equal(0.625, a.WinRate, 1e-12);
        Assert.Equal(2.0 / 3, table.WinFractions["A", "B"]!.Value, 1e-12);
        Assert.Equal(4, table.BattleCounts["B", "A"]);
        Assert.Equal(DateTimeOffset.UnixEpoch, table.ComputedAt);
    }
}
