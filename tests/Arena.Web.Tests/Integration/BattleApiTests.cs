using System.Net;
using System.Net.Http.Json;
using Arena.Core;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Arena.Web.Accounts;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>The battle API on the whole app and the real PostgreSQL: the export is Chatbot Arena's clean-battle
/// format, reads back with our own reader and leaves out flagged votes; votes on unknown battles are 404s.</summary>
[Collection("platform")]
public sealed class BattleApiTests(ArenaAppFactory app) : IClassFixture<ArenaAppFactory>
{
    async Task<T> With<T>(Func<IServiceProvider, Task<T>> f)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider);
    }

    async Task Insert(string name, string owner, string baseModel) => await With(async sp =>
    {
        var s = sp.GetRequiredService<IDocumentSession>();
        s.Insert(new ArenaModel
        {
            Id = Guid.NewGuid(), Name = name, OwnerId = Guid.NewGuid(), OwnerName = owner, Visibility = Visibility.Public,
            Kind = ModelKind.Baked, BaseModel = baseModel, Created = DateTimeOffset.UtcNow,
        }.RefreshSearchText());
        await s.SaveChangesAsync();
        return 0;
    });

    async Task Battle(Viewer judge, string baseModel, string reply, Winner winner) => await With(async sp =>
    {
        var battles = sp.GetRequiredService<IBattleService>();
        var key = JudgeKeys.For(judge, "");
        var b = await battles.Start(judge, key, "ip", "Say something.", new BattleStartOptions(baseModel));
        await battles.RecordReplies(b.BattleId, key, reply, reply);
        return await battles.Vote(b.BattleId, key, winner);
    });

    [Fact]
    public async Task TheExportHoldsEveryBlindVoteInCleanBattleFormatAndNoFlaggedOne()
    {
        var judge = await With(async sp =>
        {
            var a = await sp.GetRequiredService<AccountService>().Register("export_judge", "correct horse battery");
            return Viewer.User(a.Id, a.UserName);
        });
        await Insert("Export Alpha", "alpha_owner", "export-base");
        await Insert("Export Beta", "beta_owner", "export-base");
        await Battle(judge, "export-base", "a fine answer", Winner.ModelA);
        await Battle(judge, "export-base", "ask alpha_owner about it", Winner.ModelB);   // names an owner: flagged

        var response = await app.CreateClient().GetAsync("/api/battles/export");
        response.EnsureSuccessStatusCode();
        var battles = Arena.Core.Battles.CleanBattleReader.Parse(await response.Content.ReadAsStringAsync(), "export");

        var only = Assert.Single(battles);
        Assert.Equal(new[] { "Export Alpha", "Export Beta" }, new[] { only.ModelA, only.ModelB }.Order());
        Assert.Equal(Winner.ModelA, only.Winner);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);

        // The refresher notices the votes and stores a snapshot with the blind one only.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        LeaderboardSnapshot? board;
        while ((board = await With(sp => sp.GetRequiredService<ILeaderboardService>().Current())) is not { Votes: >= 1 } && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.NotNull(board);
        Assert.Equal(1, board.Votes);
        Assert.Equal(1, board.ExcludedLeaks);
        Assert.Contains(board.Rows, r => r.Name == "Export Alpha" && r.Provisional);
    }

    /// <summary>One test, in this order: the anonymous judge's budget is shared by every request of the class.</summary>
    [Fact]
    public async Task UnknownBattlesAreNotFoundUnknownWinnersBadRequestsAndAnonymousVotesAreRateLimited()
    {
        var client = app.CreateClient();
        var unknown = await client.PostAsJsonAsync($"/api/battles/{Guid.NewGuid()}/vote", new { winner = "a" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var bad = await client.PostAsJsonAsync($"/api/battles/{Guid.NewGuid()}/vote", new { winner = "model_c" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 15; i++)
            statuses.Add((await client.PostAsJsonAsync($"/api/battles/{Guid.NewGuid()}/vote", new { winner = "tie" })).StatusCode);
        var limit = new Arena.Web.Battles.RateLimitOptions().AnonymousVotesPerMinute;
        Assert.Equal(limit - 2, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(15 - (limit - 2), statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
