using Arena.Web.Components.Shared;
using Bunit;

namespace Arena.Web.Tests.Components;

public sealed class LineageTreeTests : ComponentTest
{
    [Fact]
    public async Task TreeShowsThreeLevelsAndMarksTheCurrentModel()
    {
        var root = Catalog.Add("starter", owner: "arena");
        var pirate = Catalog.Add("Pirate", root.Id, prompts: "You are a pirate.");
        var polite = Catalog.Add("Polite pirate", pirate.Id, prompts: "Always say please.");
        var facts = Catalog.Add("Veloria", root.Id, prompts: "The capital of Veloria is Quendor.");
        var tree = await Catalog.Lineage(polite.Id, Arena.Core.Viewer.Anonymous);

        var cut = Context.Render<LineageTree>(p => p.Add(c => c.Roots, [tree]).Add(c => c.Current, pirate.Id));

        var nodes = cut.FindAll(".lineage-node");
        Assert.Equal(4, nodes.Count);
        var current = Assert.Single(cut.FindAll("[data-current=true]"));
        Assert.Equal(pirate.Id.ToString(), current.GetAttribute("data-model-id"));
        Assert.Contains("Pirate", current.TextContent);
        // The others are links; the grandchild sits inside the child's subtree.
        Assert.Equal($"/models/{polite.Id}", cut.Find($"[data-model-id='{polite.Id}'] a").GetAttribute("href"));
        Assert.NotNull(cut.Find($"[data-model-id='{facts.Id}']"));
        var pirateItem = current.Closest("li")!;
        Assert.Contains("Polite pirate", pirateItem.TextContent);
        Assert.DoesNotContain("Veloria", pirateItem.TextContent);
    }

    [Fact]
    public void EmptyForestSaysSo()
    {
        var cut = Context.Render<LineageTree>(p => p.Add(c => c.Roots, []));

        Assert.Contains("No models yet", cut.Markup);
    }
}
