using System.Text.RegularExpressions;
using Arena.Core.Models;
using Arena.Starter.Behaviors;
using Arena.Testing;
using Microsoft.Playwright;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>
/// What a new user does on day one, in a real headless Chromium against the whole app (real PostgreSQL, in-process
/// worker running the engine on the starter model): register, bake a persona into the starter model from the bake
/// form, watch the job reach done and read its report card, then chat with the baked model without any system
/// prompt and get the persona, see its prompt-decay plot on the Evaluation tab and run a suite there;
/// then judge a blind battle between the bake and the starter and see the leaderboard count it.
/// Takes a screenshot of each main page on the way (docs/screenshots in the README come from here).
/// </summary>
[Collection("platform")]
public sealed class BakeAndChatInBrowserTests(BrowserAppFactory app) : BrowserTest<BrowserAppFactory>(app), IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task RegisterBakeAPersonaWatchItFinishAndChatWithItUnprompted()
    {
        var context = await Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var url = App.BaseUrl;

        // Register (a static form: cookie sign-in needs the HTTP response).
        await Register(page, "captain_e2e");

        // Bake the pirate persona into the starter model with the form's defaults.
        await page.GotoAsync($"{url}/bake?parent={App.StarterId}");
        await Browser.WaitInteractive(page);
        await page.Locator("[data-testid=bake-preset] .mud-toggle-item", new() { HasText = "Pirate" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bake-prompt]")).ToHaveValueAsync(new Regex("pirate"));
        await page.FillAsync("[data-testid=bake-name]", "Captain Arr");
        await Assertions.Expect(page.Locator("[data-testid=bake-estimate]")).ToBeVisibleAsync();
        await Browser.Screenshot(page, "bake");
        await page.ClickAsync("[data-testid=bake-submit]");
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
        await Browser.WaitInteractive(page);

        // Live progress arrives over the circuit; wait for the job to finish.
        var progress = page.Locator("[data-testid=job-progress]");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-status", new Regex("Running|Completed"), new() { Timeout = 120_000 });
        if (await progress.GetAttributeAsync("data-status") == "Running") await Browser.Screenshot(page, "job-running");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-status", new Regex("Completed|Failed|Cancelled"), new() { Timeout = 300_000 });
        Assert.Equal("Completed", await progress.GetAttributeAsync("data-status"));
        // The bake's report card: judged by the pirate rule against the prompted starter, with before/after replies.
        var card = page.Locator("[data-testid=report-card]");
        await Assertions.Expect(card).ToBeVisibleAsync();
        Assert.NotEqual("unmeasured", await card.GetAttributeAsync("data-verdict"));
        await Assertions.Expect(page.Locator("[data-testid=report-fidelity]")).ToHaveTextAsync(new Regex(@"^\d+%$"));
        await Assertions.Expect(page.Locator("[data-testid=report-sample]")).ToHaveCountAsync(3);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("[data-testid=sample-after]").First.InnerTextAsync()));
        await Browser.Screenshot(page, "job");

        // Chat with the baked model, no system prompt.
        await page.ClickAsync("[data-testid=job-result-link]");
        await page.WaitForURLAsync(new Regex("/models/[0-9a-f-]{36}$"));
        await Browser.WaitInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=report-card]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=chat-input]", "Tell me about cats.");
        await Assertions.Expect(page.Locator("[data-testid=chat-send]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=chat-send]");
        // The Send button stays on screen until the server re-renders, so waiting for it races the stream's start;
        // the panel's count of finished replies moves only when the reply has ended.
        await Assertions.Expect(page.Locator("[data-testid=chat-panel]")).ToHaveAttributeAsync("data-turns", "1", new() { Timeout = 120_000 });
        Assert.Equal(0, await page.Locator("[data-testid=chat-error]").CountAsync());
        var text = await page.Locator("[data-testid=chat-messages] [data-role=assistant]").Last.InnerTextAsync();
        await Browser.Screenshot(page, "model");
        Assert.True(new PirateChecker().Follows(text, BehaviorContext.None), $"the baked model answered without the persona: \"{text}\"");

        // The Evaluation tab: the bake's prompt-decay plot and KL histogram, then a suite run on the workers.
        await page.Locator(".mud-tab", new() { HasText = "Evaluation" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=decay-chart]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=kl-histogram]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=evaluation-limit]", "4");
        await page.ClickAsync("[data-testid=evaluation-run]");
        var evaluation = page.Locator("[data-testid=evaluation-job]").First;
        await Assertions.Expect(evaluation).ToHaveAttributeAsync("data-status", new Regex("Completed|Failed|Cancelled"), new() { Timeout = 120_000 });
        Assert.Equal("Completed", await evaluation.GetAttributeAsync("data-status"));
        await Assertions.Expect(evaluation.Locator("[data-condition=model] [data-testid=score-strict]")).ToHaveTextAsync(new Regex(@"^\d+%$"));
        await Browser.Screenshot(page, "evaluation");

        // A blind battle between two of the public models (the starter, the house models, the new bake): both answers
        // stream, the panes say only "Model A"/"Model B" until the vote, the vote reveals both names, the leaderboard
        // follows.
        string[] contestants = ["Captain Arr", "starter", .. HouseManifest.Read(RepoPaths.Starter)?.Models.Select(m => m.Name) ?? []];
        await page.GotoAsync($"{url}/arena");
        await Browser.WaitInteractive(page);
        await page.FillAsync("[data-testid=battle-prompt]", "What do cats eat?");
        await Assertions.Expect(page.Locator("[data-testid=battle-send]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=battle-send]");
        await Assertions.Expect(page.Locator("[data-testid=vote-a]")).ToBeEnabledAsync(new() { Timeout = 120_000 });
        foreach (var side in new[] { "a", "b" })
            await Assertions.Expect(page.Locator($"[data-testid=battle-pane-{side}] .battle-reply")).Not.ToBeEmptyAsync();
        // What the page says around the replies (a reply may say a name itself: Nova signs every answer "— signed, Nova").
        const string Chrome = "pane => { const c = pane.cloneNode(true); c.querySelectorAll('.battle-reply').forEach(r => r.remove()); return c.textContent; }";
        var blind = await page.Locator("[data-testid=battle-pane-a]").EvaluateAsync<string>(Chrome)
                    + await page.Locator("[data-testid=battle-pane-b]").EvaluateAsync<string>(Chrome);
        Assert.DoesNotContain(contestants, blind.Contains);
        await Browser.Screenshot(page, "arena");
        await page.ClickAsync("[data-testid=vote-a]");
        var reveal = page.Locator("[data-testid=battle-reveal]");
        await Assertions.Expect(reveal).ToBeVisibleAsync();
        var revealed = await reveal.InnerTextAsync();
        Assert.True(contestants.Count(revealed.Contains) == 2, $"the reveal should name both contestants: \"{revealed}\"");
        await Browser.Screenshot(page, "arena-reveal");
        await page.GotoAsync($"{url}/leaderboard");
        for (var tries = 0; tries < 30 && await page.Locator("[data-testid=leaderboard-table]").CountAsync() == 0; tries++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=leaderboard-table] [data-testid=row-name]")).ToHaveCountAsync(2);

        // The other main pages render for this user (and are captured for the README).
        foreach (var (path, name) in new[] { ("/", "home"), ("/models", "models"), ("/jobs", "jobs"), ("/playground", "playground"), ("/leaderboard", "leaderboard") })
        {
            await page.GotoAsync(url + path);
            await Browser.WaitInteractive(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Browser.Screenshot(page, name);
            if (name == "playground") await Assertions.Expect(page.Locator("[data-testid=playground-model]")).ToBeVisibleAsync();
        }
    }
}
