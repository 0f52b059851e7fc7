using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

public sealed class BootstrapTests
{
    static readonly AggregatedBattles Field =
        AggregatedBattles.From(IndexedBattles.From(SyntheticBattles.Generate(models: 10, battles: 5000, seed: 11).Battles));

    [Fact]
    public void BootstrapWithAFixedSeedIsReproducible()
    {
        var first = BootstrapRatings.Rounds(Field, rounds: 40, seed: 5);
        var again = BootstrapRatings.Rounds(Field, rounds: 40, seed: 5);
        var sequential = BootstrapRatings.Rounds(Field, rounds: 40, seed: 5, parallel: false);
        Assert.Equal(first, again);
        Assert.Equal(first, sequential);
    }

    [Fact]
    public void DifferentSeedsGiveDifferentResamples()
    {
        Assert.NotEqual(BootstrapRatings.Rounds(Field, rounds: 5, seed: 1), BootstrapRatings.Rounds(Field, rounds: 5, seed: 2));
    }

    [Fact]
    public void ConfidenceIntervalsContainThePointEstimate()
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var battles = SyntheticBattles.Generate(models: 12, battles: 400, seed: seed).Battles; // sparse: wide, lopsided intervals
            var table = Leaderboard.Compute(battles, DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 50, Seed = seed });
            Assert.All(table.Models, m => Assert.InRange(m.Rating, m.CiLow, m.CiHigh));
        }
    }

    [Fact]
    public void IntervalsNarrowAsBattlesAccumulate()
    {
        static double MeanWidth(int battles) => Leaderboard
            .Compute(SyntheticBattles.Generate(models: 5, battles: battles, seed: 4).Battles, DateTimeOffset.UnixEpoch, new LeaderboardOptions { BootstrapRounds = 60 })
            .Models.Average(m => m.CiHigh - m.CiLow);
        Assert.True(MeanWidth(20_000) < MeanWidth(500) / 3);
    }

    [Fact]
    public void AResampleRedrawsExactlyAsManyBattles()
    {
        var counts = Multinomial.Sample(new Random(0), Field.Battles, Field.Count);
        Assert.Equal(Field.Battles, counts.Sum());
        Assert.All(counts, c => Assert.True(c >= 0));
    }

    [Fact]
    public void ResampledCountsAverageToTheObservedCounts()
    {
        int[] weights = [1, 0, 5, 200, 10_000, 3];
        var total = weights.Sum();
        var sums = new double[weights.Length];
        const int draws = 2000;
        var rng = new Random(1);
        for (int i = 0; i < draws; i++)
        {
            var c = Multinomial.Sample(rng, total, weights);
            for (int j = 0; j < c.Length; j++) sums[j] += c[j];
        }
        Assert.Equal(0, sums[1]);
        for (int j = 0; j < weights.Length; j++)
            Assert.Equal(weights[j], sums[j] / draws, 4 * Math.Sqrt(weights[j] + 1) / Math.Sqrt(draws) + 1e-9);
    }

    [Theory]
    [InlineData(30, 0.1)]      // inversion
    [InlineData(1000, 0.3)]    // BTRS
    [InlineData(1_000_000, 0.9)] // BTRS on the complement
    public void BinomialDrawsHaveTheBinomialMeanAndVariance(int n, double p)
    {
        var rng = new Random(42);
        const int draws = 40_000;
        var xs = Enumerable.Range(0, draws).Select(_ => (double)Binomial.Sample(rng, n, p)).ToArray();
        var (mean, variance) = (xs.Average(), xs.Select(x => x * x).Average() - xs.Average() * xs.Average());
        var sd = Math.Sqrt(n * p * (1 - p));
        Assert.Equal(n * p, mean, 5 * sd / Math.Sqrt(draws));
        Assert.Equal(sd * sd, variance, 0.05 * sd * sd);
        Assert.All(xs, x => Assert.InRange(x, 0, n));
    }

    [Fact]
    public void QuantilesInterpolateBetweenOrderStatisticsLikeNumpy()
    {
        double[] sorted = [1, 2, 3, 4, 5];
        Assert.Equal(1.1, BootstrapRatings.Quantile(sorted, 0.025), 1e-12);
        Assert.Equal(4.9, BootstrapRatings.Quantile(sorted, 0.975), 1e-12);
        Assert.Equal(3, BootstrapRatings.Quantile(sorted, 0.5), 1e-12);
    }
}
