using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

public sealed class BradleyTerryTests
{
    static readonly List<Battle> Field = SyntheticBattles.Generate(models: 8, battles: 3000, seed: 7, tieRate: 0.15).Battles;

    [Fact]
    public void BradleyTerryIgnoresBattleOrder()
    {
        var expected = B.BradleyTerry(Field);
        var shuffled = B.BradleyTerry(B.Shuffled(Field, seed: 1));
        foreach (var (model, rating) in expected) Assert.Equal(rating, shuffled[model], 1e-9);
    }

    [Fact]
    public void SwappingSidesWithInvertedOutcomesChangesNothing()
    {
        var swapped = Field.Select((b, i) => i % 2 == 0 ? b.Swapped() : b).ToList();
        var (bt, btSwapped) = (B.BradleyTerry(Field), B.BradleyTerry(swapped));
        var (elo, eloSwapped) = (B.Elo(Field), B.Elo(swapped));
        foreach (var model in bt.Keys)
        {
            Assert.Equal(bt[model], btSwapped[model], 1e-9);
            Assert.Equal(elo[model], eloSwapped[model], 1e-9);
        }
    }

    [Fact]
    public void AModelThatWinsEveryBattleRanksFirstWithAFiniteRating()
    {
        var battles = Field.Concat(Enumerable.Range(0, 60).Select(i => B.Win("champion", $"model-{i % 8:D3}"))).ToList();
        var table = Leaderboard.Compute(battles, DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 30 });
        var top = table.Models[0];
        Assert.Equal("champion", top.Model);
        Assert.Equal(1, top.Rank);
        Assert.All(table.Models.Skip(1), m => Assert.True(m.Rank > 1, $"{m.Model} shares the top rank"));
        Assert.All(table.Models, m => Assert.True(double.IsFinite(m.Rating) && double.IsFinite(m.CiLow) && double.IsFinite(m.CiHigh)));
    }

    [Fact]
    public void DisconnectedAndOneSidedDataGiveFiniteRatings()
    {
        // Two groups that never met, one of them a clean sweep: maximum likelihood alone has no finite answer here.
        List<Battle> battles = [B.Win("a", "b"), B.Win("a", "b"), B.Win("x", "y"), B.Win("y", "x"), B.Tie("x", "y")];
        var r = B.BradleyTerry(battles);
        Assert.All(r.Values, v => Assert.True(double.IsFinite(v)));
        Assert.True(r["a"] > r["b"]);
        Assert.Equal(r["x"], r["y"], 1e-6);
        Assert.Equal(1000, r.Values.Average(), 1e-9);
    }

    [Fact]
    public void ACleanSweepOfAThousandBattlesStaysFiniteAndFarAhead()
    {
        var r = B.BradleyTerry([.. Enumerable.Range(0, 1000).Select(i => B.Win("a", "b", i))]);
        Assert.True(double.IsFinite(r["a"]) && double.IsFinite(r["b"]));
        Assert.InRange(r["a"] - r["b"], 1000, 10_000); // unbounded by the data; held by the tiny L2 term
    }

    [Fact]
    public void AnEmptyBattleListGivesAnEmptyTable()
    {
        var table = Leaderboard.Compute([], DateTimeOffset.UnixEpoch);
        Assert.Empty(table.Models);
        Assert.Equal(0, table.Battles);
    }

    [Fact]
    public void RatingsAreCentredOnTheInitialRating()
    {
        Assert.Equal(1000, B.BradleyTerry(Field).Values.Average(), 1e-9);
    }

    [Fact]
    public void BradleyTerryRecoversTheStrengthsThatGeneratedTheBattles()
    {
        var (battles, truth) = SyntheticBattles.Generate(models: 6, battles: 60_000, seed: 3, tieRate: 0);
        var fitted = B.BradleyTerry(battles);
        var points = RatingScale.Default.PointsPerNat;
        var mean = truth.Average();
        for (int i = 0; i < truth.Length; i++)
            Assert.Equal(1000 + points * (truth[i] - mean), fitted[$"model-{i:D3}"], 15.0); // ≈ 3 standard errors
    }

    [Fact]
    public void IdenticalBattlesAreMergedIntoCounts()
    {
        List<Battle> battles = [B.Win("a", "b"), B.Win("a", "b"), new("b", "a", Winner.ModelB, 0), B.Tie("b", "a"), B.Win("c", "a")];
        var aggregated = AggregatedBattles.From(IndexedBattles.From(battles));
        Assert.Equal(5, aggregated.Battles);
        Assert.Equal(3, aggregated.Rows); // a>b ×3, a–b tie, c>a
        Assert.Equal(2, aggregated.PairA.Length);
        Assert.Contains(3, aggregated.Count);
    }
}
