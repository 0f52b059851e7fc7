using Microsoft.Playwright;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>A test class that drives Debian's headless Chromium against <typeparamref name="TApp"/> on a real port:
/// the server is started and a browser launched before each test, and closed after it.</summary>
public abstract class BrowserTest<TApp>(TApp app) : IAsyncLifetime where TApp : BrowserAppFactory
{
    IPlaywright _playwright = null!;

    protected TApp App { get; } = app;
    protected IBrowser Chromium { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        App.StartServer();
        (_playwright, Chromium) = await Browser.Launch();
    }

    public virtual async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>Registers <paramref name="name"/> through the sign-up form (static: the cookie needs the HTTP answer)
    /// and waits until the app has signed the page in.</summary>
    protected async Task Register(IPage page, string name)
    {
        await page.GotoAsync($"{App.BaseUrl}/account/register");
        await page.FillAsync("#register-name", name);
        await page.FillAsync("#register-password", "correct horse battery");
        await page.FillAsync("#register-confirm", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/"));
        await page.Locator("[data-testid=user-menu]").WaitForAsync();
    }
}
