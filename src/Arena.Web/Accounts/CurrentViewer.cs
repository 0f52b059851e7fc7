using Arena.Core;
using Microsoft.AspNetCore.Components.Authorization;

namespace Arena.Web.Accounts;

/// <summary>The signed-in user (or anonymous) of the current circuit or request, as a Core <see cref="Viewer"/>.</summary>
public sealed class CurrentViewer(AuthenticationStateProvider authentication)
{
    public async Task<Viewer> Get()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return ViewerClaims.From(state.User);
    }
}
