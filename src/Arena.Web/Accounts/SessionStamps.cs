using System.Security.Claims;
using Arena.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Arena.Web.Accounts;

/// <summary>
/// Whether a signed-in principal's session is still current: its security stamp claim must equal the account's
/// (sign-out renews the stamp). Checked on every request that carries the cookie, and periodically for open
/// circuits; the account's stamp is cached per process for <see cref="AccountLimits.SessionCheckInterval"/>.
/// </summary>
public sealed class SessionStamps(IMemoryCache cache, IOptions<AccountLimits> limits)
{
    public async Task<bool> IsCurrent(ClaimsPrincipal principal, IAccountStore store, CancellationToken ct = default)
    {
        if (ViewerClaims.From(principal).UserId is not { } userId) return false;
        var claimed = ViewerClaims.Stamp(principal);
        // Cookies from before stamps existed carry none: they are refused, and their owners sign in once more.
        if (string.IsNullOrEmpty(claimed)) return false;
        var interval = limits.Value.SessionCheckInterval;
        var current = interval <= TimeSpan.Zero
            ? (await store.Find(userId, ct))?.SecurityStamp
            : await cache.GetOrCreateAsync(Key(userId), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = interval;
                return (await store.Find(userId, ct))?.SecurityStamp;
            });
        return current is not null && current == claimed;
    }

    /// <summary>Drops this process's cached stamp (on sign-out, so the old cookie is refused here at once).</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"session-stamp:{userId:N}";

    /// <summary>The cookie handler's hook: a cookie with a stale stamp is rejected and removed.</summary>
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var services = context.HttpContext.RequestServices;
        var stamps = services.GetRequiredService<SessionStamps>();
        if (await stamps.IsCurrent(context.Principal, services.GetRequiredService<IAccountStore>(), context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
