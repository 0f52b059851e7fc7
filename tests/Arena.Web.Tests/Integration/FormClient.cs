using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Arena.Web.Tests.Integration;

/// <summary>Posts the static account forms as a browser would: antiforgery token from the page, cookies kept by hand.</summary>
public sealed partial class FormClient(HttpClient http, string? address = null)
{
    /// <summary>A client of <paramref name="app"/> with no cookie handling of its own: this one keeps them.</summary>
    public static FormClient For(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    public Dictionary<string, string> Cookies { get; } = [];
    public string? AuthCookie => Cookies.GetValueOrDefault("arena.auth");

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex Value();

    public async Task<HttpResponseMessage> Get(string path) => await Send(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> Token(string page)
    {
        var html = await (await Get(page)).Content.ReadAsStringAsync();
        var input = TokenInput().Match(html);
        Assert.True(input.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(Value().Match(input.Value).Groups[1].Value);
    }

    public async Task<HttpResponseMessage> Post(string path, Dictionary<string, string> form, string tokenPage)
    {
        form["__RequestVerificationToken"] = await Token(tokenPage);
        return await Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    public Task<HttpResponseMessage> SignIn(string name, string password) => Post("/account/login",
        new() { ["_handler"] = "login", ["Input.UserName"] = name, ["Input.Password"] = password }, "/account/login");

    public Task<HttpResponseMessage> Register(string name, string password) => Post("/account/register",
        new() { ["_handler"] = "register", ["Input.UserName"] = name, ["Input.Password"] = password, ["Input.Confirm"] = password },
        "/account/register");

    /// <summary>Signed in when a page that needs a user answers (anonymous: redirected to the sign-in page).</summary>
    public async Task<bool> IsSignedIn() => (await Get("/jobs")).StatusCode == HttpStatusCode.OK;

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        if (address is not null) request.Headers.Add(AccountsAppFactory.AddressHeader, address);
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    Cookies.Remove(pair[0]);
                else
                    Cookies[pair[0]] = pair[1];
            }
        return response;
    }
}
