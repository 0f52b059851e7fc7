using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>Battles on the real PostgreSQL. Each test battles models of a base of its own, so tests sharing the
/// fixture's schema never draw each other's models.</summary>
public sealed class BattleServiceTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    static string NewBase() => "base-" + Guid.NewGuid().ToString("N")[..8];

    async Task<ArenaModel> Model(string baseModel, string name, Viewer? owner = null, Visibility vis = Visibility.Public)
    {
        var m = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = name, OwnerId = owner?.UserId, OwnerName = owner?.UserName ?? "arena",
            Visibility = vis, Kind = owner is null ? ModelKind.Base : ModelKind.Baked, BaseModel = baseModel,
            Created = DateTimeOffset.UtcNow,
        }.RefreshSearchText();
        await db.In(async sp => { var s = sp.GetRequiredService<IDocumentSession>(); s.Insert(m); await s.SaveChangesAsync(); });
        return m;
    }

    Task<T> Battles<T>(Func<IBattleService, Task<T>> f) => db.In(sp => f(sp.GetRequiredService<IBattleService>()));
    Task Battles(Func<IBattleService, Task> f) => db.In(sp => f(sp.GetRequiredService<IBattleService>()));

    async Task<(StartedBattle Battle, Viewer Judge, string Key)> Answered(string baseModel, string prompt = "Tell me a story.", string reply = "Once upon a time")
    {
        var judge = await db.NewUser();
        var key = JudgeKeys.For(judge, "");
        var battle = await Battles(s => s.Start(judge, key, "ip", prompt, new BattleStartOptions(baseModel)));
        await Battles(s => s.RecordReplies(battle.BattleId, key, reply, reply));
        return (battle, judge, key);
    }

    static async Task<DomainError> ErrorOf(Func<Task> f) => (await Assert.ThrowsAsync<DomainException>(f)).Error;

    [Fact]
    public async Task StartPicksTwoDifferentPublicModelsOfTheRequestedBase()
    {
        var b = NewBase();
        var owner = await db.NewUser();
        var one = await Model(b, "one", owner);
        var two = await Model(b, "two", owner);
        await Model(b, "hidden", owner, Visibility.Private);
        await Model(b, "unlisted", owner, Visibility.Unlisted);

        for (int i = 0; i < 10; i++)
        {
            var battle = await Battles(s => s.Start(owner, JudgeKeys.For(owner, ""), "ip", "Hi", new BattleStartOptions(b)));
            Assert.NotEqual(battle.ModelA.Id, battle.ModelB.Id);
            Assert.Equal(new[] { one.Id, two.Id }.Order(), new[] { battle.ModelA.Id, battle.ModelB.Id }.Order());
        }
    }

    [Fact]
    public async Task StartWithFewerThanTwoModelsSaysSoClearly()
    {
        var b = NewBase();
        await Model(b, "lonely");
        var e = await Assert.ThrowsAsync<DomainException>(() => Battles(s => s.Start(Viewer.Anonymous, "anon:x", "ip", "Hi", new BattleStartOptions(b))));
        Assert.Equal(DomainError.Conflict, e.Error);
        Assert.Contains("at least two public models", e.Message);
    }

    [Fact]
    public async Task ARecordedVoteRaisesTheLeaderboardSignalAndARefusedOneDoesNot()
    {
        var b = NewBase();
        await Model(b, "Signal one");
        await Model(b, "Signal two");
        var (battle, _, key) = await Answered(b);
        var signal = db.Services.GetRequiredService<LeaderboardSignal>();
        while (signal.Reader.TryRead(out _)) { }

        await Battles(s => s.Vote(battle.BattleId, key, Winner.Tie));
        Assert.True(signal.Reader.TryRead(out _));

        await ErrorOf(() => Battles(s => s.Vote(battle.BattleId, key, Winner.Tie)));
        Assert.False(signal.Reader.TryRead(out _));
    }

    [Fact]
    public async Task AVoteIsAcceptedOnceAndRevealsBothModels()
    {
        var b = NewBase();
        var a1 = await Model(b, "Alpha model");
        var a2 = await Model(b, "Beta model");
        var (battle, _, key) = await Answered(b);

        Assert.Null(await Battles(s => s.Reveal(battle.BattleId, key)));
        var reveal = await Battles(s => s.Vote(battle.BattleId, key, Winner.ModelA));
        Assert.Equal(battle.ModelA.Id, reveal.ModelA.Id);
        Assert.Equal(battle.ModelA.Name, reveal.ModelA.Name);
        Assert.Equal(new[] { a1.Id, a2.Id }.Order(), new[] { reveal.ModelA.Id, reveal.ModelB.Id }.Order());
        Assert.False(reveal.IdentityLeak);
        Assert.Equal(DomainError.Conflict, await ErrorOf(() => Battles(s => s.Vote(battle.BattleId, key, Winner.ModelB))));
        Assert.Equal(DomainError.Conflict, await ErrorOf(() => Battles(s => s.AddTurn(battle.BattleId, key, "more?"))));
        Assert.NotNull(await Battles(s => s.Reveal(battle.BattleId, key)));
    }

    [Fact]
    public async Task VotesOnSomeoneElsesBattleOrAnUnknownBattleAreRefused()
    {
        var b = NewBase();
        await Model(b, "m1");
        await Model(b, "m2");
        var (battle, _, _) = await Answered(b);
        var intruder = JudgeKeys.For(await db.NewUser(), "");

        Assert.Equal(DomainError.Forbidden, await ErrorOf(() => Battles(s => s.Vote(battle.BattleId, intruder, Winner.ModelA))));
        Assert.Equal(DomainError.Forbidden, await ErrorOf(() => Battles(s => s.Reveal(battle.BattleId, intruder))));
        Assert.Equal(DomainError.NotFound, await ErrorOf(() => Battles(s => s.Vote(Guid.NewGuid(), intruder, Winner.Tie))));
    }

    [Fact]
    public async Task VotingWhileStreamingIsRefusedAndMultiTurnNeedsTheRepliesFirst()
    {
        var b = NewBase();
        await Model(b, "s1");
        await Model(b, "s2");
        var judge = await db.NewUser();
        var key = JudgeKeys.For(judge, "");
        var battle = await Battles(s => s.Start(judge, key, "ip", "Hi", new BattleStartOptions(b)));

        Assert.Equal(DomainError.Conflict, await ErrorOf(() => Battles(s => s.Vote(battle.BattleId, key, Winner.Tie))));
        Assert.Equal(DomainError.Conflict, await ErrorOf(() => Battles(s => s.AddTurn(battle.BattleId, key, "and?"))));
        await Battles(s => s.RecordReplies(battle.BattleId, key, "hello", "hey"));
        await Battles(s => s.AddTurn(battle.BattleId, key, "and?"));
        await Battles(s => s.RecordReplies(battle.BattleId, key, "more", "less"));
        await Battles(s => s.Vote(battle.BattleId, key, Winner.TieBothBad));

        var view = await db.In(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<BattleView>(battle.BattleId));
        Assert.Equal(2, view!.Turns.Count);
        Assert.Equal("less", view.Turns[1].ReplyB);
    }

    [Fact]
    public async Task ConcurrentVotesOnOneBattleLandOnce()
    {
        var b = NewBase();
        await Model(b, "c1");
        await Model(b, "c2");
        var (battle, _, key) = await Answered(b);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try { await Battles(s => s.Vote(battle.BattleId, key, Winner.ModelA)); return true; }
            catch (DomainException e) when (e.Error == DomainError.Conflict) { return false; }
        }));
        Assert.Single(results, ok => ok);
    }

    [Fact]
    public async Task AVoteThatMeetsAnotherMidAppendIsAnsweredAsADoubleVote()
    {
        // The first vote is written and held uncommitted (HeldAppend); the second waits on it, loses the stream
        // version once it commits, reads the battle again and finds it decided.
        var b = NewBase();
        await Model(b, "h1");
        await Model(b, "h2");
        var (battle, _, key) = await Answered(b);
        var store = db.Services.GetRequiredService<IDocumentStore>();
        await using var first = await HeldAppend.Start<BattleView>(store, battle.BattleId, new Voted(Winner.ModelB, false, DateTimeOffset.UtcNow));

        var second = Battles(s => s.Vote(battle.BattleId, key, Winner.ModelA));
        await first.WaitUntilBlocking(second);
        await first.Commit();

        var refused = await Assert.ThrowsAsync<DomainException>(() => second);
        Assert.Equal(DomainError.Conflict, refused.Error);
        Assert.Equal("you already voted on this battle", refused.Message);
        var view = await db.In(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<BattleView>(battle.BattleId));
        Assert.Equal(Winner.ModelB, view!.Winner);
    }

    [Fact]
    public async Task ANameInTheConversationFlagsTheVoteAndKeepsItOutOfTheRatings()
    {
        var b = NewBase();
        var owner = await db.NewUser("leaky_owner");
        await Model(b, "Captain Leak", owner);
        await Model(b, "Quiet one", owner);
        var (battle, _, key) = await Answered(b, reply: "I am Captain Leak, at your service");

        var reveal = await Battles(s => s.Vote(battle.BattleId, key, Winner.ModelA));

        Assert.True(reveal.IdentityLeak);
        var exported = await db.In(sp => sp.GetRequiredService<ILeaderboardService>().RatedBattles());
        Assert.DoesNotContain(exported, x => x.ModelA == "Captain Leak" || x.ModelB == "Captain Leak");
    }

    [Fact]
    public void TheIdentityCheckMatchesNamesAndOwnersButNotBuiltInOwners()
    {
        var owned = new ArenaModel { Name = "Pirate", OwnerId = Guid.NewGuid(), OwnerName = "alice", BaseModel = "s" };
        var builtIn = new ArenaModel { Name = "starter", OwnerName = "arena", BaseModel = "s" };
        Assert.True(IdentityLeaks.Found([new BattleTurn("who is ALICE?", "", "")], owned, builtIn));
        Assert.True(IdentityLeaks.Found([new BattleTurn("hi", "I am a pirate", "")], owned, builtIn));
        Assert.False(IdentityLeaks.Found([new BattleTurn("welcome to the arena", "hi", "hello")], owned, builtIn));
    }

    [Fact]
    public async Task AnAnonymousJudgeIsStoppedAtTheDailyCapOfTheirAddress()
    {
        var b = NewBase();
        await Model(b, "d1");
        await Model(b, "d2");
        var ip = Guid.NewGuid().ToString("N");
        var key = "anon:" + Guid.NewGuid().ToString("N");
        async Task<Guid> Ready()
        {
            var battle = await Battles(s => s.Start(Viewer.Anonymous, key, ip, "Hi", new BattleStartOptions(b)));
            await Battles(s => s.RecordReplies(battle.BattleId, key, "a", "b"));
            return battle.BattleId;
        }
        for (int i = 0; i < 3; i++) { var id = await Ready(); await Battles(s => s.Vote(id, key, Winner.Tie)); }
        var fourth = await Ready();
        Assert.Equal(DomainError.QuotaExceeded, await ErrorOf(() => Battles(s => s.Vote(fourth, key, Winner.Tie))));
        key = "anon:new-tab";   // a new anonymous key from the same address is still over the cap
        var fifth = await Ready();
        Assert.Equal(DomainError.QuotaExceeded, await ErrorOf(() => Battles(s => s.Vote(fifth, key, Winner.Tie))));
    }
}
