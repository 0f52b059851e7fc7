using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Tests.Statistics;

public class StatisticsTests
{
    [Fact]
    public void WilsonMatchesItsFormulaForEightOfTen()
    {
        var e = Wilson.Rate(8, 10);
        Assert.Equal(0.8, e.Value, 12);
        Assert.Equal(0.4902, e.Low, 4);
        Assert.Equal(0.9433, e.High, 4);
    }

    [Fact]
    public void WilsonStaysInsideZeroAndOneAtTheEdges()
    {
        var none = Wilson.Rate(0, 8);
        var all = Wilson.Rate(8, 8);
        Assert.Equal(0, none.Low);
        Assert.True(none.High is > 0.3 and < 0.4);
        Assert.Equal(1, all.High, 12);
        Assert.True(all.Low is > 0.6 and < 0.7);
    }

    [Fact]
    public void WilsonOverNothingIsTheWholeRange() =>
        Assert.Equal((0.0, 1.0, 0), (Wilson.Rate(0, 0).Low, Wilson.Rate(0, 0).High, Wilson.Rate(0, 0).Count));

    [Fact]
    public void BootstrapIsTheSameForTheSameSeed()
    {
        double[] values = [0.1, 0.5, 0.2, 0.9, 0.4, 0.3, 0.7];
        Assert.Equal(Bootstrap.Mean(values, seed: 3), Bootstrap.Mean(values, seed: 3));
        var e = Bootstrap.Mean(values, seed: 3);
        Assert.Equal(values.Average(), e.Value, 12);
        Assert.True(e.Low < e.Value && e.Value < e.High);
    }

    [Fact]
    public void BootstrapOfOneValueIsThatValue() =>
        Assert.Equal(new Estimate(2, 2, 2, 1), Bootstrap.Mean([2.0], seed: 1));
}
