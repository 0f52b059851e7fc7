using Arena.Evaluation.Kl;

namespace Arena.Evaluation.Tests.Kl;

public class KlSummaryTests
{
    static readonly IReadOnlyList<KlQuery> Queries =
    [
        new("a", "x", [0.1, 0.3], [1.0, 3.0]),
        new("b", "y", [0.2], [2.0]),
        new("c", "", [], []),
    ];

    [Fact]
    public void MeansAreOverQueriesAndPerTokenMeansOverTokens()
    {
        var kl = KlSummary.From(Queries, seed: 1);

        // Per query: a 0.2 and 2.0, b 0.2 and 2.0; the empty query measures nothing.
        Assert.Equal(0.2, kl.Model.Value, 12);
        Assert.Equal(2.0, kl.Base.Value, 12);
        Assert.Equal(2, kl.Model.Count);
        Assert.Equal(0.6 / 3, kl.ModelPerToken, 12);
        Assert.Equal(6.0 / 3, kl.BasePerToken, 12);
        Assert.Equal(0.1, kl.Ratio!.Value, 12);
        Assert.Equal(3, kl.Tokens);
        Assert.Equal(3, kl.Queries.Count);
    }

    [Fact]
    public void TheIntervalHoldsTheMeanAndTheSameSeedGivesTheSameInterval()
    {
        var many = Enumerable.Range(1, 30).Select(i => new KlQuery($"q{i}", "", [i / 10.0], [i])).ToList();
        var a = KlSummary.From(many, seed: 7);
        var b = KlSummary.From(many, seed: 7);
        Assert.Equal(a.Model, b.Model);
        Assert.True(a.Model.Low < a.Model.Value && a.Model.Value < a.Model.High);
    }

    [Fact]
    public void ABaseAlreadyAtThePromptedBaseHasNoRatio() =>
        Assert.Null(KlSummary.From([new KlQuery("a", "", [0.0], [0.0])], seed: 0).Ratio);

    [Theory]
    [InlineData(-1e-7, 0)]
    [InlineData(0, 0)]
    [InlineData(5e-5, 0)]
    [InlineData(1e-4, 1)]
    [InlineData(2e-4, 1)]
    [InlineData(0.5, 8)]
    [InlineData(1, 9)]
    [InlineData(99, 12)]
    [InlineData(100, 13)]
    [InlineData(1e9, 13)]
    public void ValuesFallIntoFixedLogSpacedBins(double value, int bin) => Assert.Equal(bin, KlHistogram.Bin(value));

    [Fact]
    public void HistogramCountsSumToTheTokens()
    {
        var kl = KlSummary.From(Queries, seed: 1);
        Assert.Equal(KlHistogram.Edges.Count + 1, kl.ModelHistogram.Counts.Count);
        Assert.Equal(kl.Tokens, kl.ModelHistogram.Total);
        Assert.Equal(kl.Tokens, kl.BaseHistogram.Total);
        Assert.Equal(1e-4, KlHistogram.Edges[0], 15);
        Assert.Equal(100, KlHistogram.Edges[^1], 10);
    }

    [Fact]
    public void TheJsonHasBothMeansTheRatioAndTheHistogram()
    {
        var json = KlJson.Write(KlSummary.From(Queries, seed: 1));
        Assert.Equal(0.2, (double)json["model"]!["value"]!, 6);
        Assert.Equal(0.1, (double)json["ratio"]!, 6);
        Assert.Equal(3, (int)json["tokens"]!);
        Assert.Equal(14, json["histogram"]!["model"]!.AsArray().Count);
        Assert.Null(json["items"]![2]!["model"]);
    }
}
