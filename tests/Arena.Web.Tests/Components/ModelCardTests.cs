using Arena.Web.Components.Shared;
using Bunit;

namespace Arena.Web.Tests.Components;

public sealed class ModelCardTests : ComponentTest
{
    [Fact]
    public void CardShowsNameOwnerParentAndFirstPrompt()
    {
        var root = Catalog.Add("starter", owner: "arena");
        var pirate = Catalog.Add("Pirate", root.Id, owner: "bob", prompts: "You are a pirate. Talk like a pirate in every reply.");

        var cut = Context.Render<ModelCard>(p => p.Add(c => c.Model, pirate).Add(c => c.ParentName, "starter"));

        Assert.Equal("Pirate", cut.Find(".model-name").TextContent.Trim());
        Assert.Contains("bob", cut.Find(".model-owner").TextContent);
        Assert.Contains("starter", cut.Find(".model-parent").TextContent);
        Assert.Equal($"/models/{root.Id}", cut.Find(".model-parent a").GetAttribute("href"));
        Assert.Contains("You are a pirate.", cut.Find(".model-recipe").TextContent);
        Assert.Contains("Baked", cut.Find(".model-kind").TextContent);
    }

    [Fact]
    public void CardTruncatesLongPrompts()
    {
        var root = Catalog.Add("starter");
        var model = Catalog.Add("Long", root.Id, prompts: new string('x', 500));

        var cut = Context.Render<ModelCard>(p => p.Add(c => c.Model, model));

        Assert.True(cut.Find(".model-recipe").TextContent.Length < 200);
        Assert.Contains("…", cut.Find(".model-recipe").TextContent);
    }

    [Fact]
    public void CardEscapesHtmlInNamesAndPrompts()
    {
        var root = Catalog.Add("starter");
        var evil = Catalog.Add("<script>alert(1)</script>", root.Id, owner: "<b>mallory</b>", prompts: "<img src=x onerror=alert(2)>");

        var cut = Context.Render<ModelCard>(p => p.Add(c => c.Model, evil));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll(".model-owner b"));
        Assert.Equal("<script>alert(1)</script>", cut.Find(".model-name").TextContent.Trim());
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup);
    }
}
