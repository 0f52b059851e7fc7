using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using BakePage = Arena.Web.Components.Pages.Bake.Bake;
using PlaygroundPage = Arena.Web.Components.Pages.Playground.Playground;

namespace Arena.Web.Tests.Components;

/// <summary>Hand-edited links: an id that is not an id is "not found" with a message, never an exception.</summary>
public sealed class QueryLinkTests : ComponentTest
{
    public QueryLinkTests()
    {
        Catalog.Add("starter", owner: "arena");
        SignInAsAlice();
        RenderPopovers();
    }

    void Navigate(string url) => Context.Services.GetRequiredService<NavigationManager>().NavigateTo(url);

    [Theory]
    [InlineData("/bake?parent=abc")]
    [InlineData("/bake?parent=00000000-0000-0000-0000-000000000000")]
    [InlineData("/bake?parent=6d1b1e2c-9a4f-4a51-8f5e-0d3c2b1a0f99")]
    public void BakeWithAnUnknownParentSaysSoAndOffersTheOthers(string url)
    {
        Navigate(url);
        var cut = Context.Render<BakePage>();

        Assert.Contains("not found", cut.Find("[data-testid=bake-error]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=bake-parent]"));
    }

    [Fact]
    public void PlaygroundWithAModelThatIsNotAnIdSaysSoAndOpensAnother()
    {
        Navigate("/playground?model=abc");
        var cut = Context.Render<PlaygroundPage>();

        Assert.Contains("not found", cut.Find("[data-testid=playground-missing]").TextContent);
    }
}
