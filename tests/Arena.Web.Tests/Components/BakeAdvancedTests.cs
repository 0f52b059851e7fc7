using Arena.Web.Components.Pages.Bake;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using BakePage = Arena.Web.Components.Pages.Bake.Bake;

namespace Arena.Web.Tests.Components;

/// <summary>The Advanced panel of /bake: each setting says what it does and its range, and an invalid one is marked
/// where the user can see it (issue 24 item 11: epochs 0, lr 1000, rank 100000 disabled Bake with nothing marked).</summary>
public sealed class BakeAdvancedTests : ComponentTest
{
    public BakeAdvancedTests()
    {
        var starter = Catalog.Add("starter", owner: "arena");
        SignInAsAlice();
        RenderPopovers();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/bake?parent={starter.Id}");
    }

    private IRenderedComponent<BakePage> RenderFilledForm()
    {
        var cut = Context.Render<BakePage>();
        cut.Find("[data-testid=bake-name]").Input("Pirate");
        cut.Find("[data-testid=bake-prompt]").Input("You are a pirate. Talk like a pirate in every reply.");
        return cut;
    }

    private static string ControlText(IRenderedComponent<BakePage> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    private static void ToggleAdvanced(IRenderedComponent<BakePage> cut) =>
        cut.Find("[data-testid=bake-advanced] .mud-expand-panel-header").Click();

    [Theory]
    [InlineData("bake-epochs", "0", "must be in 1..50", "Allowed: 1–50")]
    [InlineData("bake-lr", "1000", "must be in (0, 0.05]", "Allowed: above 0, up to 0.05")]
    [InlineData("bake-rank", "100000", "must be in 1..128", "Allowed: 1–128")]
    public void AnAdvancedSettingOutOfRangeShowsItsErrorAndAllowedRange(string testId, string value, string error, string range)
    {
        var cut = RenderFilledForm();
        ToggleAdvanced(cut);

        cut.Find($"[data-testid={testId}]").Input(value);

        var control = cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!;
        Assert.NotEmpty(control.QuerySelectorAll(".mud-input-error"));
        Assert.Contains(error, control.TextContent);
        Assert.Contains(range, control.TextContent);
        Assert.True(cut.Find("[data-testid=bake-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void EverySettingHasAOneLineHelpWithItsRange()
    {
        var cut = RenderFilledForm();

        foreach (var id in new[] { "bake-trajectories", "bake-max-tokens", "bake-temperature", "bake-top-p", "bake-rank", "bake-alpha", "bake-lr", "bake-epochs", "bake-batch-size", "bake-seed", "bake-queries" })
            Assert.Contains("Allowed:", ControlText(cut, id));
        Assert.Contains(BakeSettingHelp.All[nameof(Arena.Contracts.Bakes.BakeRecipe.Epochs)].Help, ControlText(cut, "bake-epochs"));
        Assert.Contains("Allowed: 1–50", ControlText(cut, "bake-epochs"));
    }

    [Fact]
    public void ABadSettingInAFoldedPanelIsNamedInTheHintAndTheTitle()
    {
        var cut = RenderFilledForm();
        cut.Find("[data-testid=bake-epochs]").Input("0");
        cut.Find("[data-testid=bake-lr]").Input("1000");
        cut.Find("[data-testid=bake-rank]").Input("100000");

        // The panel opened on the first error; the user folds it again.
        Assert.Contains("mud-panel-expanded", cut.Find("[data-testid=bake-advanced]").ClassName);
        ToggleAdvanced(cut);
        Assert.DoesNotContain("mud-panel-expanded", cut.Find("[data-testid=bake-advanced]").ClassName);

        var hint = cut.Find("[data-testid=bake-invalid]").TextContent;
        Assert.Contains("Epochs", hint);
        Assert.Contains("Learning rate", hint);
        Assert.Contains("LoRA rank", hint);
        Assert.Contains("3 settings to fix", cut.Find("[data-testid=bake-advanced]").TextContent);
    }
}
