using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Components.Pages.Home;
using Arena.Web.Components.Pages.Jobs;
using Arena.Web.Components.Pages.Models;
using Arena.Web.Components.Pages.Playground;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Components;

/// <summary>Each page renders interactively against the fakes and says so in data-interactive.</summary>
public sealed class PageRenderTests : ComponentTest
{
    private readonly ArenaModel _starter;
    private readonly ArenaModel _pirate;

    public PageRenderTests()
    {
        _starter = Catalog.Add("starter", owner: "arena");
        _pirate = Catalog.Add("Pirate", _starter.Id, owner: "alice", ownerId: AliceId, prompts: "You are a pirate.");
        _pirate.Recipe = new BakeRecipeSummary("You are a pirate.", BakePresets.Pirate, new BakeRecipe { Prompt = "You are a pirate." }, 1.5, 0.25, 30);
    }

    [Fact]
    public void HomeShowsFeaturedModelsTheLeaderboardPlaceholderAndTheCallToAction()
    {
        var cut = Context.Render<Home>();

        Assert.Equal("true", cut.Find(".arena-page").GetAttribute("data-interactive"));
        Assert.Equal(2, cut.FindAll("[data-testid=model-card]").Count);
        Assert.Contains("No votes yet", cut.Find("[data-testid=leaderboard-placeholder]").TextContent);
        Assert.Equal("/bake", cut.Find("[data-testid=cta-bake]").GetAttribute("href"));
        Assert.Contains("Bake your first model", cut.Find("[data-testid=cta-bake]").TextContent);
    }

    [Fact]
    public void HomeDoesNotInviteAUserWhoHasBakedToBakeTheirFirstModel()
    {
        SignInAsAlice(); // she owns the Pirate

        var cut = Context.Render<Home>();

        Assert.DoesNotContain("first model", cut.Find("[data-testid=cta-bake]").TextContent);
        Assert.Contains("Bake a new model", cut.Find("[data-testid=cta-bake]").TextContent);
    }

    [Fact]
    public void HomeDoesNotInviteAUserWithABakeJobToBakeTheirFirstModel()
    {
        SignInAsAlice();
        _pirate.OwnerId = Guid.NewGuid();
        var job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", _starter.Id, "Pirate 2", "",
            Visibility.Public, new BakeRecipe { Prompt = "p" }, DateTimeOffset.UtcNow));
        Bakes.Jobs[job.Id] = job;

        var cut = Context.Render<Home>();

        Assert.Contains("Bake a new model", cut.Find("[data-testid=cta-bake]").TextContent);
    }

    [Fact]
    public void ModelsGalleryListsVisibleModelsWithTheirParents()
    {
        Catalog.Add("Secret", _starter.Id, owner: "bob", ownerId: Guid.NewGuid(), visibility: Visibility.Private, prompts: "psst");

        var cut = Context.Render<Models>();

        Assert.Equal(2, cut.FindAll("[data-testid=model-card]").Count);
        Assert.DoesNotContain("Secret", cut.Markup);
        Assert.Contains("fork of starter", cut.Find($"[data-model-id='{_pirate.Id}'] .model-parent").TextContent);
    }

    [Fact]
    public void ModelPageShowsRecipeLineageAndOwnerActions()
    {
        SignInAsAlice();
        RenderPopovers();

        var cut = Context.Render<ModelPage>(p => p.Add(c => c.Id, _pirate.Id));

        Assert.Equal("Pirate", cut.Find("[data-testid=model-name]").TextContent.Trim());
        Assert.Contains("1.5000 → 0.2500", cut.Find("[data-testid=recipe-kl]").TextContent);
        Assert.Equal($"/bake?parent={_pirate.Id}", cut.Find("[data-testid=fork-bake]").GetAttribute("href"));
        Assert.Equal($"/api/models/{_pirate.Id}/adapter.zip", cut.Find("[data-testid=download-adapter]").GetAttribute("href"));
        Assert.NotNull(cut.Find("[data-testid=delete-model]"));
        Assert.NotNull(cut.Find("[data-testid=create-variant]"));
        Assert.Equal(_pirate.Id.ToString(), cut.Find("[data-current=true]").GetAttribute("data-model-id"));
        Assert.NotNull(cut.Find("[data-testid=chat-panel]"));
    }

    [Fact]
    public void ModelPageHidesOwnerActionsFromOthers()
    {
        var cut = Context.Render<ModelPage>(p => p.Add(c => c.Id, _pirate.Id));

        Assert.Empty(cut.FindAll("[data-testid=delete-model]"));
        Assert.Empty(cut.FindAll("[data-testid=create-variant]"));
        Assert.Contains("to create variants", cut.Markup);
    }

    [Fact]
    public void BaseModelsOfferNoDownload()
    {
        var cut = Context.Render<ModelPage>(p => p.Add(c => c.Id, _starter.Id));

        Assert.Empty(cut.FindAll("[data-testid=download-adapter]"));
    }

    [Fact]
    public void AnInvisibleModelIsNotFound()
    {
        var secret = Catalog.Add("Secret", _starter.Id, owner: "bob", ownerId: Guid.NewGuid(), visibility: Visibility.Private, prompts: "psst");

        var cut = Context.Render<ModelPage>(p => p.Add(c => c.Id, secret.Id));

        Assert.Contains("Model not found", cut.Find("#not-found-title").TextContent);
        Assert.DoesNotContain("psst", cut.Markup);
    }

    [Fact]
    public void TheChatsTextFieldsAreBoundedByTheLongestMessageTheServiceAccepts()
    {
        var cut = Context.Render<ModelPage>(p => p.Add(c => c.Id, _pirate.Id));
        Assert.Equal(new Arena.Web.Hosting.ChatOptions().MaxTurnChars.ToString(), cut.Find("[data-testid=chat-input]").GetAttribute("maxlength"));
    }

    [Fact]
    public async Task ChatPanelStreamsTheReplyAsText()
    {
        Chat.Reply = ["<b>Ahoy</b>", ", matey"];
        var cut = Context.Render<ModelPage>(p => p.Add(c => c.Id, _pirate.Id));

        cut.Find("[data-testid=chat-input]").Input("Hello <i>there</i>");
        await cut.Find("[data-testid=chat-send]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("<b>Ahoy</b>, matey", cut.Find("[data-role=assistant]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=chat-messages] b"));
        Assert.Empty(cut.FindAll("[data-testid=chat-messages] i"));
        var turns = Assert.Single(Chat.Conversations);
        Assert.Equal([("user", "Hello <i>there</i>")], turns.Select(t => (t.Role, t.Content)));
    }

    [Fact]
    public void PlaygroundPreselectsTheRequestedModel()
    {
        RenderPopovers();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/playground?model={_pirate.Id}");

        var cut = Context.Render<Playground>();

        Assert.Contains("You are a pirate.", cut.Markup);
        Assert.NotNull(cut.Find("[data-testid=chat-panel]"));
    }

    [Fact]
    public void PlaygroundBoundsMaxTokensByTheSelectedModelsContext()
    {
        RenderPopovers();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/playground?model={_pirate.Id}");

        var cut = Context.Render<Playground>();

        // The starter reads 512 tokens: a reply may take three quarters, the conversation keeps the rest.
        var field = cut.Find("[data-testid=chat-max-tokens] input, input[data-testid=chat-max-tokens]");
        Assert.Equal("384", field.GetAttribute("max"));
        Assert.Contains("Up to 384: the model reads 512 tokens", cut.Markup);
    }

    [Fact]
    public void JobsTableListsTheViewersJobs()
    {
        SignInAsAlice();
        var job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", _starter.Id, "Pirate 2", "",
            Visibility.Public, new BakeRecipe { Prompt = "p" }, DateTimeOffset.UtcNow));
        Bakes.Jobs[job.Id] = job;

        var cut = Context.Render<Jobs>();

        Assert.Contains("Pirate 2", cut.Find("[data-testid=jobs-table]").TextContent);
        Assert.Equal($"/jobs/{job.Id}", cut.Find("[data-testid=jobs-table] a").GetAttribute("href"));
    }

    [Fact]
    public async Task JobsTableMarksAJobWhoseModelWasDeleted()
    {
        SignInAsAlice();
        var job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", _starter.Id, "Pirate", "",
            Visibility.Public, new BakeRecipe { Prompt = "p" }, DateTimeOffset.UtcNow));
        job.ResultModelId = _pirate.Id;
        Bakes.Jobs[job.Id] = job;
        var kept = BakeJob.Create(new BakeRequested(Guid.NewGuid(), AliceId, "alice", _starter.Id, "Kept", "",
            Visibility.Public, new BakeRecipe { Prompt = "p" }, DateTimeOffset.UtcNow));
        kept.ResultModelId = Catalog.Add("Kept", _starter.Id, owner: "alice", ownerId: AliceId, prompts: "k").Id;
        Bakes.Jobs[kept.Id] = kept;
        await Catalog.Delete(_pirate.Id, new Arena.Core.Viewer(AliceId, "alice"));

        var cut = Context.Render<Jobs>();

        var marked = Assert.Single(cut.FindAll("[data-testid=job-model-deleted]"));
        Assert.Contains("Pirate", marked.Closest("tr")!.TextContent);
        Assert.DoesNotContain("Kept", marked.Closest("tr")!.TextContent);
    }
}
