using System.Net;
using System.Text.RegularExpressions;
using Arena.Core.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>The whole app with small sign-in limits, and a header that stands for the client's address.</summary>
public sealed class AccountsAppFactory : ArenaAppFactory
{
    public const string AddressHeader = "X-Test-Address";
    public const int FailuresPerName = 3;
    public const int FailuresPerAddress = 6;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Arena:Accounts:FailuresPerName", FailuresPerName.ToString());
        builder.UseSetting("Arena:Accounts:FailuresPerAddress", FailuresPerAddress.ToString());
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, TestAddressFilter>());
    }

    /// <summary>A client with no cookie handling of its own (the test sees and replays cookies), from one address.</summary>
    public FormClient Client(string address) =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }), address);

    private sealed class TestAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers[AddressHeader] is [{ } address]) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>Sign-in throttling, the password policy at registration, and sign-out that ends the session, through
/// the real pages and the real cookie on PostgreSQL.</summary>
[Collection("platform")]
public sealed class AccountSecurityTests(AccountsAppFactory app) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "correct horse battery";

    private static async Task<string> Text(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task AfterTooManyWrongPasswordsForANameEvenTheRightOneIsRefusedWithAMessage()
    {
        await app.Register("throttled_name");
        var client = app.Client("10.0.1.1");
        for (var i = 0; i < AccountsAppFactory.FailuresPerName; i++)
        {
            var wrong = await client.SignIn("throttled_name", $"wrong password {i}");
            Assert.Contains("Unknown user name or wrong password.", await Text(wrong));
        }

        var right = await client.SignIn("throttled_name", Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed sign-in attempts; try again in 1 minute.", await Text(right));
        Assert.Null(client.AuthCookie);
        // The lock is the name's, wherever the next attempt comes from.
        var elsewhere = app.Client("10.0.1.2");
        Assert.Contains("Too many failed sign-in attempts", await Text(await elsewhere.SignIn("THROTTLED_NAME", Password)));
        Assert.Null(elsewhere.AuthCookie);
    }

    [Fact]
    public async Task AfterTooManyFailuresFromAnAddressItCannotSignInToAnyAccount()
    {
        await app.Register("address_victim");
        var attacker = app.Client("10.0.2.1");
        for (var i = 0; i < AccountsAppFactory.FailuresPerAddress; i++)
            Assert.Contains("Unknown user name or wrong password.", await Text(await attacker.SignIn($"guess_{i}", "wrong password")));

        var right = await attacker.SignIn("address_victim", Password);

        Assert.Contains("Too many failed sign-in attempts; try again in 1 minute.", await Text(right));
        Assert.Null(attacker.AuthCookie);
        // Another address signs in to the same account at once.
        var owner = app.Client("10.0.2.2");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignIn("address_victim", Password)).StatusCode);
        Assert.NotNull(owner.AuthCookie);
    }

    [Fact]
    public async Task ASuccessfulSignInClearsTheNamesFailures()
    {
        await app.Register("forgetful_user");
        var client = app.Client("10.0.3.1");
        for (var i = 0; i < AccountsAppFactory.FailuresPerName - 1; i++) await client.SignIn("forgetful_user", "wrong password");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn("forgetful_user", Password)).StatusCode);

        var again = app.Client("10.0.3.2");
        for (var i = 0; i < AccountsAppFactory.FailuresPerName - 1; i++) await again.SignIn("forgetful_user", "wrong password");
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignIn("forgetful_user", Password)).StatusCode);
    }

    [Theory]
    [InlineData("common_pw", "12345678", "This is one of the most common passwords")]
    [InlineData("name_as_pw", "name_as_pw", "The password must not contain your user name.")]
    public async Task RegistrationRefusesCommonPasswordsAndTheUserName(string name, string password, string message)
    {
        var client = app.Client("10.0.4.1");

        var response = await client.Register(name, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await Text(response));
        Assert.Null(client.AuthCookie);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IAccountStore>().FindByName(name));
    }

    [Fact]
    public async Task ACookieCapturedBeforeSignOutIsAnonymousAfterIt()
    {
        await app.Register("leaky_cookie");
        var victim = app.Client("10.0.5.1");
        Assert.Equal(HttpStatusCode.Redirect, (await victim.SignIn("leaky_cookie", Password)).StatusCode);
        var captured = victim.AuthCookie!;
        Assert.True(await victim.IsSignedIn());

        var signOut = await victim.Post("/account/logout", new() { ["_handler"] = "logout" }, "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Null(victim.AuthCookie);

        var thief = app.Client("10.0.5.2");
        thief.Cookies["arena.auth"] = captured;
        Assert.False(await thief.IsSignedIn());
        // Signing in again works, with a new cookie.
        Assert.Equal(HttpStatusCode.Redirect, (await victim.SignIn("leaky_cookie", Password)).StatusCode);
        Assert.True(await victim.IsSignedIn());
    }

    [Fact]
    public async Task SignOutNeedsTheAntiforgeryToken()
    {
        await app.Register("forged_out");
        var client = app.Client("10.0.6.1");
        await client.SignIn("forged_out", Password);

        // A cross-site form carries the cookie but no token.
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/logout")
            {
                Headers = { { "Cookie", $"arena.auth={client.AuthCookie}" } },
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }),
            });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await client.IsSignedIn());
    }

    [Fact]
    public async Task TheHomePageOffersOneClickSignOut()
    {
        await app.Register("one_click");
        var client = app.Client("10.0.7.1");
        await client.SignIn("one_click", Password);

        var html = await Text(await client.Get("/"));

        Assert.Matches(new Regex("<form[^>]*method=\"post\"[^>]*action=\"/account/logout\"|<form[^>]*action=\"/account/logout\"[^>]*method=\"post\""), html);
        // One click: the form's token is on the page itself.
        var signOut = await client.Post("/account/logout", new(), "/");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await client.IsSignedIn());
    }
}
