using Microsoft.Playwright;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>The bake form's advanced settings in a real browser: the issue's "epochs 0, lr 1000, rank 100000 disable
/// Bake and nothing is marked" — each field must show its own error and allowed range.</summary>
[Collection("platform")]
public sealed class BakeFormInBrowserTests(BrowserAppFactory app) : BrowserTest<BrowserAppFactory>(app), IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task OutOfRangeAdvancedSettingsAreEachMarkedWithTheirRange()
    {
        var page = await Chromium.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Register(page, "form_e2e");

        await page.GotoAsync($"{App.BaseUrl}/bake");
        await Browser.WaitInteractive(page);
        await page.FillAsync("[data-testid=bake-name]", "Range check");
        await page.FillAsync("[data-testid=bake-prompt]", "You are a pirate.");
        await page.Locator("[data-testid=bake-advanced]").ClickAsync();

        foreach (var (field, value) in new[] { ("bake-epochs", "0"), ("bake-lr", "1000"), ("bake-rank", "100000") })
        {
            await page.FillAsync($"[data-testid={field}]", value);
            await page.Keyboard.PressAsync("Tab");
        }

        foreach (var field in new[] { "bake-epochs", "bake-lr", "bake-rank" })
        {
            var control = page.Locator(".mud-input-control", new() { Has = page.Locator($"[data-testid={field}]") });
            // MudBlazor's own validation pass on blur used to clear the error the page had set.
            var error = control.Locator(".mud-input-helper-text.mud-input-error");
            await Assertions.Expect(error).ToBeVisibleAsync();
            await Assertions.Expect(error).ToContainTextAsync("must be");
            await Assertions.Expect(error).ToContainTextAsync("Allowed:");
        }
        await Assertions.Expect(page.Locator("[data-testid=bake-advanced]")).ToContainTextAsync("3 settings to fix");
        await Assertions.Expect(page.Locator("[data-testid=bake-submit]")).ToBeDisabledAsync();

        // A text field emptied and left keeps its error too.
        await page.FillAsync("[data-testid=bake-prompt]", "");
        await page.Keyboard.PressAsync("Tab");
        var prompt = page.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=bake-prompt]") });
        await Assertions.Expect(prompt.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("The prompt to bake is empty");
    }
}
