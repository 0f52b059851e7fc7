using System.Security.Claims;
using Arena.Core;

namespace Arena.Web.Accounts;

/// <summary>The one mapping between the auth cookie's claims and a Core <see cref="Viewer"/>.</summary>
public static class ViewerClaims
{
    public static Viewer From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Viewer.Anonymous;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(ClaimTypes.Name);
        return Guid.TryParse(id, out var userId) && !string.IsNullOrEmpty(name) ? Viewer.User(userId, name) : Viewer.Anonymous;
    }

    public static ClaimsPrincipal Principal(Guid userId, string userName, string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Name, userName)],
            authenticationType));
}
