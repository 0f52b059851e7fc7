using Arena.Core.Battles;
using Arena.Core.Ratings;

namespace Arena.Core.Tests.Battles;

public sealed class NumberedVotesTests
{
    static readonly LeaderboardOptions Options = new() { BootstrapRounds = 20, Seed = 3 };

    /// <summary>Synthetic votes among models with random ids.</summary>
    static List<CastVote> Votes()
    {
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray();
        Guid Id(string name) => ids[int.Parse(name["model-".Length..])];
        return SyntheticBattles.Generate(models: ids.Length, battles: 3000, seed: 5).Battles.Select((b, k) => new CastVote
        {
            JudgeKey = $"user:{k % 7}", ModelAId = Id(b.ModelA), ModelBId = Id(b.ModelB), Winner = b.Winner,
            VotedAt = DateTimeOffset.FromUnixTimeSeconds((long)b.Timestamp),
        }).ToList();
    }

    [Fact]
    public void RatingsByNumberAreExactlyThoseOfTheVotesNamedByTheirIdsText()
    {
        var votes = Votes();
        var byText = Leaderboard.Compute(
            votes.Select(v => new Battle(v.ModelAId.ToString("N"), v.ModelBId.ToString("N"), v.Winner!.Value, v.Timestamp)).ToList(),
            DateTimeOffset.UnixEpoch, Options);

        var numbered = NumberedVotes.From(votes);
        var byNumber = Leaderboard.Compute(numbered.Battles(id => id.ToString("N")), DateTimeOffset.UnixEpoch, Options);

        Assert.Equal(byText.Models, byNumber.Models);
        Assert.Equal(byText.WinFractions.Values, byNumber.WinFractions.Values);
        Assert.Equal(byText.BattleCounts.Values, byNumber.BattleCounts.Values);
        Assert.All(byNumber.Models, r => Assert.Equal(r.Model, numbered.Models[r.Index].ToString("N")));
    }

    [Fact]
    public void TheRatingsAloneAreTheTablesRatings()
    {
        var numbered = NumberedVotes.From(Votes());
        var battles = numbered.Battles(id => id.ToString("N"));

        var ratings = Leaderboard.Ratings(battles, Options);

        Assert.All(Leaderboard.Compute(battles, DateTimeOffset.UnixEpoch, Options).Models, r => Assert.Equal(r.Rating, ratings[r.Index]));
    }
}
