using Microsoft.Playwright;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>
/// An open tab through a real database outage and a dropped connection, in headless Chromium. Before the fix a page
/// that met the outage ended its circuit ("Unhandled exception in circuit"): the tab went dead without a word and
/// stayed dead after PostgreSQL came back.
/// </summary>
[Collection("platform")]
public sealed class DatabaseOutageInBrowserTests(OutageAppFactory app) : BrowserTest<OutageAppFactory>(app), IClassFixture<OutageAppFactory>
{
    public override async Task DisposeAsync()
    {
        App.Database.Restore();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task APageThatMeetsAnOutageSaysSoAndComesBackByItselfWhenTheDatabaseDoes()
    {
        var page = await Chromium.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{App.BaseUrl}/leaderboard");
        await Browser.WaitInteractive(page);

        App.Database.Cut();
        // Navigating inside the open tab: the models page loads from the database, which is gone.
        await page.Locator("nav a[href='/models']").ClickAsync();
        var error = page.Locator("[data-testid=page-error]");
        await Assertions.Expect(error).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(error).ToHaveAttributeAsync("data-kind", "outage");
        await Assertions.Expect(error).ToContainTextAsync("cannot reach its database");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        App.Database.Restore();
        // No click, no reload: the page retries by itself and shows the gallery again.
        await Assertions.Expect(page.Locator(".model-grid")).ToContainTextAsync("starter", new() { Timeout = 60_000 });
        await Assertions.Expect(error).ToHaveCountAsync(0);

        // The circuit survived: the tab still navigates.
        await page.Locator("nav a[href='/leaderboard']").ClickAsync();
        await Assertions.Expect(page.Locator("h4", new() { HasText = "Leaderboard" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheApiAnswers503WithAMessageDuringTheOutageAnd200After()
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        App.Database.Cut();
        var down = await http.GetAsync("/api/models");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Contains("database is unavailable", await down.Content.ReadAsStringAsync());
        Assert.NotNull(down.Headers.RetryAfter);

        App.Database.Restore();
        var up = await http.GetAsync("/api/models");
        Assert.Equal(System.Net.HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task ADroppedConnectionShowsTheReconnectDialogUntilItIsBack()
    {
        var context = await Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/models");
        await Browser.WaitInteractive(page);
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        await context.SetOfflineAsync(true);
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(dialog).ToContainTextAsync("Lost the connection to Arena");

        await context.SetOfflineAsync(false);
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await context.CloseAsync();
    }
}
