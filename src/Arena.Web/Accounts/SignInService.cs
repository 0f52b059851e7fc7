using Arena.Core.Accounts;
using Arena.Web.Battles;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Arena.Web.Accounts;

/// <summary>The answer to a sign-in: the account, or why not (wrong name or password, or too many attempts).</summary>
public sealed record SignInResult(UserAccount? Account, string? Error)
{
    public bool Succeeded => Account is not null;
}

/// <summary>
/// Sign-in and sign-out over the auth cookie: attempts throttled per name and per address (<see cref="LoginThrottle"/>),
/// the password checked by <see cref="AccountService"/>, and the account's security stamp put in the cookie so that
/// signing out (which renews the stamp) ends every copy of it (<see cref="SessionStamps"/>).
/// </summary>
public sealed class SignInService(AccountService accounts, IAccountStore store, LoginThrottle throttle, SessionStamps stamps,
    IOptions<BattleWebOptions> web)
{
    public const string WrongCredentials = "Unknown user name or wrong password.";
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static string TooManyAttempts(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(Math.Max(1, wait.TotalMinutes));
        return $"Too many failed sign-in attempts; try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }

    public async Task<SignInResult> SignIn(HttpContext http, string? userName, string? password)
    {
        var ct = http.RequestAborted;
        var address = JudgeContext.AddressHash(http, web.Value);
        // A name no account can have is counted against the address only (no document per junk name).
        var name = AccountService.IsWellFormedName(userName?.Trim()) ? userName!.Trim() : null;
        if (await throttle.Begin(name, address, ct) is { } wait)
            return new SignInResult(null, TooManyAttempts(wait));
        var account = await accounts.Verify(userName, password, ct);
        if (account is null) return new SignInResult(null, WrongCredentials);
        await throttle.Succeeded(account.UserName, address, ct);
        await SignInAs(http, account);
        return new SignInResult(account, null);
    }

    /// <summary>Issues the cookie for <paramref name="account"/> (an account from before stamps gets one first).</summary>
    public async Task SignInAs(HttpContext http, UserAccount account)
    {
        var stamp = account.SecurityStamp;
        if (string.IsNullOrEmpty(stamp))
            stamp = await store.RenewSecurityStamp(account.Id, http.RequestAborted) ?? throw new InvalidOperationException("the account is gone");
        await http.SignInAsync(Scheme, ViewerClaims.Principal(account.Id, account.UserName, stamp, Scheme));
    }

    /// <summary>Ends the session everywhere: a new stamp refuses this cookie and every copy of it, then the cookie is
    /// removed from this browser.</summary>
    public async Task SignOut(HttpContext http)
    {
        if (ViewerClaims.From(http.User).UserId is { } userId)
        {
            await store.RenewSecurityStamp(userId, http.RequestAborted);
            stamps.Forget(userId);
        }
        await http.SignOutAsync(Scheme);
    }
}
