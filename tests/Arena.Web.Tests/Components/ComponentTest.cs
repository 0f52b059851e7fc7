using System.Security.Claims;
using Arena.Core.Bakes;
using Arena.Core.Battles;
using Arena.Web.Battles;
using Arena.Web.Accounts;
using Arena.Web.Bus;
using Arena.Web.Chat;
using Arena.Web.Tests.Fakes;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using Arena.Core.Models;

namespace Arena.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the in-memory fakes of Core's services and a signed-in or anonymous user.
/// MudBlazor's services dispose only asynchronously, hence IAsyncLifetime.</summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();
    protected InMemoryModelCatalog Catalog { get; } = new();
    protected FakeBakeService Bakes { get; } = new();
    protected FakeChatService Chat { get; } = new();
    protected JobUpdateFeed Feed { get; } = new(NullLogger<JobUpdateFeed>.Instance);
    protected BakeLimits Limits { get; } = new();
    protected FakeLeaderboardService Board { get; } = new();
    protected FakeEvaluationService Evaluations { get; } = new();
    protected FakeSuiteLibrary Suites { get; } = new();
    /// <summary>Contestants of every battle the fake service starts (names a test can look for in the markup).</summary>
    protected ArenaModel SecretA { get; } = new() { Id = Guid.NewGuid(), Name = "Zanzibar-Sage", OwnerName = "quietowner", OwnerId = Guid.NewGuid(), BaseModel = "starter" };
    protected ArenaModel SecretB { get; } = new() { Id = Guid.NewGuid(), Name = "Kestrel-Muse", OwnerName = "hushuser", OwnerId = Guid.NewGuid(), BaseModel = "starter" };
    protected FakeBattleService Battles { get; }
    protected BunitAuthorizationContext Auth { get; }
    protected static readonly Guid AliceId = Guid.NewGuid();

    protected ComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton<IModelCatalog>(Catalog);
        Context.Services.AddSingleton<IBakeService>(Bakes);
        Context.Services.AddSingleton<IChatService>(Chat);
        Context.Services.AddSingleton(Feed);
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Limits));
        Context.Services.AddScoped<CurrentViewer>();
        Battles = new FakeBattleService(SecretA, SecretB);
        Context.Services.AddSingleton<IBattleService>(Battles);
        Context.Services.AddSingleton<ILeaderboardService>(Board);
        Context.Services.AddSingleton<Arena.Core.Evaluations.IEvaluationService>(Evaluations);
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Arena.Core.Evaluations.EvaluationLimits()));
        Context.Services.AddSingleton<Arena.Core.Evaluations.ISuiteLibrary>(Suites);
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Arena.Core.Evaluations.SuiteUploadLimits()));
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new BattleWebOptions()));
        Context.Services.AddSingleton<Microsoft.AspNetCore.Http.IHttpContextAccessor, Microsoft.AspNetCore.Http.HttpContextAccessor>();
        Context.Services.AddScoped<JudgeContext>();
        Context.Services.AddSingleton<JudgeRateLimiter>();
        Context.Services.AddTransient<BattleWorkflow>();
        // Chat forms bound max tokens by the model's context, read from the committed starter's config.json.
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Arena.Web.Hosting.ArenaOptions { ModelsPath = Arena.Testing.RepoPaths.Models }));
        Context.Services.AddSingleton<Arena.Web.Hosting.ModelContexts>();
        // Forms that post outside the circuit (sign-out) render the token this gives.
        Context.Services.AddSingleton<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider>(new FixedAntiforgery());
        Auth = Context.AddAuthorization();
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
    }

    protected void SignInAsAlice()
    {
        Auth.SetAuthorized("alice");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, AliceId.ToString()), new Claim(ClaimTypes.Name, "alice"));
    }

    protected IRenderedComponent<MudBlazor.MudPopoverProvider> RenderPopovers() => Context.Render<MudBlazor.MudPopoverProvider>();

    private sealed class FixedAntiforgery : Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider
    {
        public override Microsoft.AspNetCore.Components.Forms.AntiforgeryRequestToken? GetAntiforgeryToken() =>
            new("test-token", "__RequestVerificationToken");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
