using Arena.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Mvc;

namespace Arena.Web.Accounts;

/// <summary>POST /account/logout: the sign-out button's form (one click, antiforgery-checked: the form binding makes
/// the antiforgery middleware require a valid token).</summary>
public static class SignOutEndpoint
{
    public const string Path = "/account/logout";

    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpContext http, SignInService signIns, [FromForm] string? returnUrl) =>
        {
            await signIns.SignOut(http);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
        return app;
    }
}
