using Arena.Core.Bakes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using BakePage = Arena.Web.Components.Pages.Bake.Bake;

namespace Arena.Web.Tests.Components;

/// <summary>The form's estimate uses the speeds measured here and says so (issue 24 item 12: it said 41 s for bakes
/// that took 79–216 s).</summary>
public sealed class BakeFormEstimateTests : ComponentTest
{
    private IRenderedComponent<BakePage> RenderFilledForm()
    {
        var starter = Catalog.Add("starter", owner: "arena");
        SignInAsAlice();
        RenderPopovers();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/bake?parent={starter.Id}");
        var cut = Context.Render<BakePage>();
        cut.Find("[data-testid=bake-name]").Input("Pirate");
        cut.Find("[data-testid=bake-prompt]").Input("You are a pirate.");
        return cut;
    }

    [Fact]
    public void TheEstimateUsesTheSpeedsMeasuredHereAndSaysWhatItRestsOn()
    {
        // A worker twice as slow as the benchmark, over five completed bakes.
        Bakes.MeasuredSpeeds = new BakeSpeeds(BakeEstimate.SamplingTokensPerSecond / 2, BakeEstimate.TrainingTokensPerSecond / 2, 5);

        var text = RenderFilledForm().Find("[data-testid=bake-estimate]").TextContent;

        var recipe = new Arena.Contracts.Bakes.BakeRecipe { Prompt = "x" };
        var slow = BakeEstimate.Duration(recipe, Bakes.MeasuredSpeeds);
        Assert.True(slow > BakeEstimate.Duration(recipe));
        Assert.Contains(slow.TotalMinutes >= 1 ? $"{slow.TotalMinutes:0.#} min" : $"{slow.TotalSeconds:0} s", text);
        Assert.Contains("median speed of the last 5 bakes", text);
    }

    [Fact]
    public void WithNothingMeasuredTheEstimateSaysItIsTheBenchmark()
    {
        var text = RenderFilledForm().Find("[data-testid=bake-estimate]").TextContent;

        Assert.Contains("benchmark", text);
    }
}
