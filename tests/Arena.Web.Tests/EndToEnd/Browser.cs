using Microsoft.Playwright;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>
/// Debian's headless Chromium driven by Playwright (its own browser download cannot work here). Missing Chromium is
/// a failure with the install command, not a skip: ./infra/test.sh installs it.
/// </summary>
public static class Browser
{
    const string Chromium = "/usr/bin/chromium";

    public static async Task<(IPlaywright, IBrowser)> Launch()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium chromium-driver (./infra/test.sh does it)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Blazor Server pre-renders before the circuit connects; clicks before that are lost.</summary>
    public static Task WaitInteractive(IPage page) =>
        page.Locator(".arena-page[data-interactive=true]").First.WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>Screenshots go to TestResults/screenshots; with ARENA_SCREENSHOTS=DIR (e.g. docs/screenshots) there too.</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var dirs = new List<string> { Path.Combine(Arena.Testing.RepoPaths.Root, "TestResults", "screenshots") };
        if (Environment.GetEnvironmentVariable("ARENA_SCREENSHOTS") is { Length: > 0 } extra)
            dirs.Add(Path.IsPathRooted(extra) ? extra : Path.Combine(Arena.Testing.RepoPaths.Root, extra));
        var bytes = await page.ScreenshotAsync(new() { FullPage = true });
        foreach (var dir in dirs)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, name + ".png"), bytes);
        }
    }
}
