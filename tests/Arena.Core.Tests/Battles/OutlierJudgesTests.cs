using Arena.Core.Battles;
using Arena.Core.Ratings;

namespace Arena.Core.Tests.Battles;

public sealed class OutlierJudgesTests
{
    static readonly Guid Strong = Guid.NewGuid(), Weak = Guid.NewGuid();
    static readonly Dictionary<Guid, double> Ratings = new() { [Strong] = 1200, [Weak] = 800 };

    static IEnumerable<CastVote> Votes(string judge, int n, Winner winner) =>
        Enumerable.Range(0, n).Select(_ => new CastVote { JudgeKey = judge, ModelAId = Strong, ModelBId = Weak, Winner = winner });

    [Fact]
    public void AJudgeWhoAlwaysPicksTheUnderdogIsAnOutlier()
    {
        var votes = Votes("user:contrarian", 40, Winner.ModelB).Concat(Votes("user:honest", 40, Winner.ModelA));
        Assert.Equal(["user:contrarian"], OutlierJudges.Find(votes, Ratings, RatingScale.Default, minVotes: 30, z: 4));
    }

    [Fact]
    public void JudgesWithFewVotesAreNotTested()
    {
        Assert.Empty(OutlierJudges.Find(Votes("user:new", 10, Winner.ModelB), Ratings, RatingScale.Default, minVotes: 30, z: 4));
    }
}
