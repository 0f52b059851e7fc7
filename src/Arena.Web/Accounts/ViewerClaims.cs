using System.Security.Claims;
using Arena.Core;

namespace Arena.Web.Accounts;

/// <summary>The one mapping between the auth cookie's claims and a Core <see cref="Viewer"/>.</summary>
public static class ViewerClaims
{
    /// <summary>The account's security stamp when the cookie was issued (see <see cref="SessionStamps"/>).</summary>
    public const string StampClaim = "arena:stamp";

    public static Viewer From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Viewer.Anonymous;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(ClaimTypes.Name);
        return Guid.TryParse(id, out var userId) && !string.IsNullOrEmpty(name) ? Viewer.User(userId, name) : Viewer.Anonymous;
    }

    public static string? Stamp(ClaimsPrincipal? user) => user?.FindFirstValue(StampClaim);

    public static ClaimsPrincipal Principal(Guid userId, string userName, string securityStamp, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(ClaimTypes.Name, userName),
                new Claim(StampClaim, securityStamp),
            ],
            authenticationType));
}
