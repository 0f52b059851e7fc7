using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

public sealed class RankingTests
{
    [Fact]
    public void RankCountsOnlyModelsWhoseIntervalIsWhollyAbove()
    {
        // Intervals: a [1100, 1200], b [1050, 1150] overlaps a, c [900, 1000] is below both, d [950, 1060] overlaps b only.
        var rank = Ranking.FromIntervals([1100, 1050, 900, 950], [1200, 1150, 1000, 1060]);
        Assert.Equal([1, 1, 3, 2], rank);
    }

    [Fact]
    public void WithoutBootstrapRoundsTheIntervalIsThePointAndRanksFollowTheRatings()
    {
        var table = Leaderboard.Compute(B.Golden(), DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 0 });
        Assert.Equal(["A", "B"], table.Models.Select(m => m.Model));
        Assert.Equal([1, 2], table.Models.Select(m => m.Rank));
        Assert.All(table.Models, m => Assert.Equal((m.Rating, m.Rating), (m.CiLow, m.CiHigh)));
    }
}
