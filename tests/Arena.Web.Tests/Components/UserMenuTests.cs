using Arena.Web.Components.Layout;
using Bunit;

namespace Arena.Web.Tests.Components;

/// <summary>Sign-out is one click: a POST form with its antiforgery token right in the app bar.</summary>
public sealed class UserMenuTests : ComponentTest
{
    [Fact]
    public void ASignedInUserHasASignOutButtonThatPostsTheFormWithItsToken()
    {
        SignInAsAlice();
        RenderPopovers();

        var cut = Context.Render<UserMenu>();

        var form = cut.Find("[data-testid=sign-out-form]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/logout", form.GetAttribute("action"));
        Assert.Equal("test-token", form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
        Assert.Equal("submit", cut.Find("[data-testid=sign-out]").GetAttribute("type"));
        Assert.Empty(cut.FindAll("a[href='/account/logout']"));
    }

    [Fact]
    public void AnAnonymousViewerHasNoSignOut()
    {
        RenderPopovers();

        var cut = Context.Render<UserMenu>();

        Assert.Empty(cut.FindAll("[data-testid=sign-out-form]"));
        Assert.Contains("Sign in", cut.Markup);
    }
}
