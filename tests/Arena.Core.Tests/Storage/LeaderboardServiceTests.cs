using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>The stored leaderboard, from votes cast through the battle service (a schema of its own: it reads every vote).</summary>
public sealed class LeaderboardServiceTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task AModelThatWinsEveryBattleRanksFirstInTheSnapshot()
    {
        var owner = await db.NewUser("board_owner");
        var models = new List<ArenaModel>();
        foreach (var name in new[] { "Champion", "Second", "Third" })
        {
            var m = new ArenaModel
            {
                Id = Guid.NewGuid(), Name = name, OwnerId = owner.UserId, OwnerName = owner.UserName!, Visibility = Visibility.Public,
                Kind = ModelKind.Baked, BaseModel = "board", ParentId = db.StarterId, Created = DateTimeOffset.UtcNow,
            }.RefreshSearchText();
            models.Add(m);
            await db.In(async sp => { var s = sp.GetRequiredService<IDocumentSession>(); s.Insert(m); await s.SaveChangesAsync(); });
        }
        var champion = models[0];
        for (int i = 0; i < 24; i++)
        {
            var judge = await db.NewUser();
            var key = JudgeKeys.For(judge, "");
            var battle = await db.In(sp => sp.GetRequiredService<IBattleService>().Start(judge, key, "ip", "Hi", new BattleStartOptions("board")));
            await db.In(sp => sp.GetRequiredService<IBattleService>().RecordReplies(battle.BattleId, key, "x", "y"));
            var winner = battle.ModelA.Id == champion.Id ? Winner.ModelA : battle.ModelB.Id == champion.Id ? Winner.ModelB : Winner.Tie;
            await db.In(sp => sp.GetRequiredService<IBattleService>().Vote(battle.BattleId, key, winner));
        }

        var snapshot = await db.In(sp => sp.GetRequiredService<ILeaderboardService>().Recompute());
        var stored = await db.In(sp => sp.GetRequiredService<ILeaderboardService>().Current());

        Assert.Equal(24, snapshot.Votes);
        Assert.Equal(champion.Id, stored!.Rows[0].ModelId);
        Assert.Equal("Champion", stored.Rows[0].Name);
        Assert.Equal("starter", stored.Rows[0].ParentName);
        Assert.Equal(1.0, stored.Rows[0].WinRate);
        Assert.True(stored.Rows[0].Rating > stored.Rows[1].Rating);
        Assert.Equal(3, stored.MatrixModelIds.Count);
        Assert.Equal(snapshot.ComputedAt, stored.ComputedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(24, (await db.In(sp => sp.GetRequiredService<ILeaderboardService>().RatedBattles())).Count);
        Assert.NotNull(await db.In(sp => sp.GetRequiredService<ILeaderboardService>().LatestVoteAt()));
    }
}
