using Arena.Core.Accounts;
using Arena.Core.Bakes;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Testing;
using Arena.Web.Tests.Integration;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>
/// A fresh install has an arena to play in (issue 32): on an empty database the app seeds the house models checked
/// in beside the starter (models/starter/house), and a visitor goes from the home page to a blind battle among them
/// and the starter, votes, and finds the vote on the leaderboard, with nobody baking anything. A second start on the
/// same database adds no model, account or job.
/// </summary>
[Collection("platform")]
public sealed class HouseModelsInBrowserTests(BrowserAppFactory app) : BrowserTest<BrowserAppFactory>(app), IClassFixture<BrowserAppFactory>
{
    sealed class Replica(string schema) : ArenaAppFactory(schema);

    [Fact]
    public async Task OnAFreshInstallAVisitorBattlesHouseModelsVotesAndSeesTheLeaderboardAndASecondStartAddsNothing()
    {
        var manifest = HouseManifest.Read(RepoPaths.Starter);
        Assert.True(manifest is { Models.Count: > 0 }, $"no house models are checked in under {HouseManifest.FolderOf(RepoPaths.Starter)}");
        var houseNames = manifest.Models.Select(m => m.Name).ToHashSet();
        var before = await Count(App);
        Assert.Equal(manifest.Models.Count, before.HouseModels);
        Assert.Equal(0, before.Jobs);
        Assert.Equal(0, before.Votes);

        var page = await (await Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        page.SetDefaultTimeout(30_000);

        // The home page features house models, labelled, and leads to the arena.
        await page.GotoAsync(App.BaseUrl);
        await Browser.WaitInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=model-card] [data-testid=house-chip]").First).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=cta-arena]");
        await page.WaitForURLAsync(u => u.EndsWith("/arena"));
        await Browser.WaitInteractive(page);

        // A blind battle, anonymous: two of the house models and the starter answer.
        await page.FillAsync("[data-testid=battle-prompt]", "What do cats eat?");
        await Assertions.Expect(page.Locator("[data-testid=battle-send]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=battle-send]");
        await Assertions.Expect(page.Locator("[data-testid=vote-a]")).ToBeEnabledAsync(new() { Timeout = 120_000 });
        Assert.Equal(0, await page.Locator("[data-testid=battle-error]").CountAsync());
        foreach (var side in new[] { "a", "b" })
            await Assertions.Expect(page.Locator($"[data-testid=battle-pane-{side}] .battle-reply")).Not.ToBeEmptyAsync();
        await page.ClickAsync("[data-testid=vote-a]");
        await Assertions.Expect(page.Locator("[data-testid=battle-reveal]")).ToBeVisibleAsync();
        var reveal = await page.Locator("[data-testid=battle-reveal]").InnerTextAsync();
        var revealed = houseNames.Append("starter").Where(reveal.Contains).ToList();
        Assert.True(revealed.Count == 2, $"the reveal should name two of the house models and the starter: \"{reveal}\"");

        // The leaderboard counts the vote, and labels the house models on it.
        await page.GotoAsync($"{App.BaseUrl}/leaderboard");
        var rows = page.Locator("[data-testid=leaderboard-table] [data-testid=row-name]");
        for (var tries = 0; tries < 30 && await rows.CountAsync() == 0; tries++)
        {
            // The board is recomputed in the background after the vote; a reload reads the new one.
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var names = (await rows.AllInnerTextsAsync()).Select(n => n.Trim()).ToList();
        Assert.Equal(revealed.Order(), names.Order());
        await Assertions.Expect(page.Locator("[data-testid=leaderboard-table] [data-testid=house-chip]"))
            .ToHaveCountAsync(names.Count(houseNames.Contains));

        // Nothing was baked, and the only votes are the visitor's.
        var after = await Count(App);
        Assert.Equal(before with { Votes = 1 }, after);

        // A second start on the same database seeds nothing again.
        await using (var second = new Replica(App.Schema))
        {
            _ = second.Services; // starts it: its seeders run
            Assert.Equal(after, await Count(second));
        }
    }

    record Counts(int Models, int HouseModels, int Accounts, int Jobs, int Votes);

    static async Task<Counts> Count(ArenaAppFactory app)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return new Counts(
            await session.Query<ArenaModel>().CountAsync(),
            await session.Query<ArenaModel>().CountAsync(m => m.House && m.OwnerId == HouseAccount.Id),
            await session.Query<Arena.Core.Accounts.UserAccount>().CountAsync(),
            await session.Query<BakeJob>().CountAsync(),
            await session.Query<BattleView>().CountAsync(b => b.Winner != null));
    }
}
