using Arena.Core.Battles;
using Arena.Core.Ratings;

namespace Arena.Core.Tests.Battles;

public sealed class OutlierJudgesTests
{
    static readonly Guid Strong = Guid.NewGuid(), Weak = Guid.NewGuid();

    static IEnumerable<CastVote> Votes(string judge, int n, Winner winner) =>
        Enumerable.Range(0, n).Select(_ => new CastVote { JudgeKey = judge, ModelAId = Strong, ModelBId = Weak, Winner = winner });

    /// <summary>The votes numbered, with the strong model rated 1200 and the weak one 800.</summary>
    static (NumberedVotes Votes, double[] Ratings) Rated(IEnumerable<CastVote> votes)
    {
        var numbered = NumberedVotes.From(votes.ToList());
        return (numbered, [.. numbered.Models.Select(id => id == Strong ? 1200.0 : 800.0)]);
    }

    [Fact]
    public void AJudgeWhoAlwaysPicksTheUnderdogIsAnOutlier()
    {
        var (votes, ratings) = Rated(Votes("user:contrarian", 40, Winner.ModelB).Concat(Votes("user:honest", 40, Winner.ModelA)));
        Assert.Equal(["user:contrarian"], OutlierJudges.Find(votes, ratings, RatingScale.Default, minVotes: 30, z: 4));
    }

    [Fact]
    public void JudgesWithFewVotesAreNotTested()
    {
        var (votes, ratings) = Rated(Votes("user:new", 10, Winner.ModelB));
        Assert.Empty(OutlierJudges.Find(votes, ratings, RatingScale.Default, minVotes: 30, z: 4));
    }
}
