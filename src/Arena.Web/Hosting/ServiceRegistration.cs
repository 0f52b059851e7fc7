using Arena.Core.Accounts;
using Arena.Core.Bakes;
using Arena.Core.Battles;
using Arena.Web.Accounts;
using Arena.Web.Api;
using Arena.Web.Battles;
using Arena.Web.Bus;
using Arena.Web.Chat;
using Arena.Web.Hubs;
using Arena.Worker.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;

namespace Arena.Web.Hosting;

public static class ServiceRegistration
{
    /// <summary>Everything the web app needs: UI, auth, live updates, chat, bus, storage and (by default) the worker.</summary>
    public static WebApplicationBuilder AddArenaWeb(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls("http://127.0.0.1:5000");
        // No "Server: Kestrel" on every answer.
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        var services = builder.Services;
        services.Configure<ArenaOptions>(config.GetSection(ArenaOptions.Section));
        services.Configure<BakeLimits>(config.GetSection("Arena:Bakes:Limits"));
        services.Configure<Arena.Core.Evaluations.EvaluationLimits>(config.GetSection(Arena.Core.Evaluations.EvaluationLimits.Section));
        services.Configure<BakeRecoveryOptions>(config.GetSection(BakeRecoveryOptions.Section));
        var options = config.GetSection(ArenaOptions.Section).Get<ArenaOptions>() ?? new ArenaOptions();

        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = CircuitLimits.MaxMessageBytes);
        services.AddMudServices();
        services.AddSignalR(o => o.AddFilter<ArenaHubFilter>());
        builder.Logging.AddFilter(ArenaHubFilter.QuietDispatcherCategory, LogLevel.Critical);
        services.AddArenaApiErrors();
        services.AddArenaAuthentication(config);

        services.AddSingleton<JobUpdateFeed>();
        services.AddSingleton<JobUpdateBroadcaster>();
        services.AddSingleton<ReplyStreams>();
        services.AddSingleton<ChatQuota>();
        services.AddSingleton<ModelContexts>();
        services.AddSingleton<IChatService, ChatService>();
        services.AddScoped<IBakeDispatcher, MassTransitBakeDispatcher>();
        services.AddScoped<Arena.Core.Evaluations.IEvaluationDispatcher, MassTransitEvaluationDispatcher>();
        services.AddHostedService<BaseModelSeeder>();
        services.AddHostedService<HouseModelSeeder>();
        services.AddArenaBattles(config);

        services.AddArenaBus(options, config);
        services.AddArenaPlatform(config, options);
        // After the bus, whose hosted service must have started before a recovered job is dispatched.
        services.AddHostedService<BakeRecoveryService>();
        return builder;
    }

    /// <summary>The arena: battle and web options (both halves of "Arena:Battles"), the judge of a circuit, rate
    /// limits, the Arena page's battle workflow, the leaderboard refresher.</summary>
    private static IServiceCollection AddArenaBattles(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(BattleOptions.Section);
        services.Configure<BattleOptions>(section);
        services.Configure<BattleWebOptions>(section);
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<BattleWebOptions>, AddressSaltSetup>();
        var web = section.Get<BattleWebOptions>() ?? new BattleWebOptions();
        services.AddHttpContextAccessor();
        services.AddScoped<JudgeContext>();
        services.AddSingleton<JudgeRateLimiter>();
        services.AddTransient<BattleWorkflow>();
        services.AddBattleRateLimiting(web);
        services.AddHostedService<LeaderboardRefresher>();
        return services;
    }

    private static IServiceCollection AddArenaAuthentication(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<AccountLimits>(config.GetSection(AccountLimits.Section));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.ReturnUrlParameter = "returnUrl";
                o.Cookie.Name = "arena.auth";
                // A cookie is only as good as its security stamp: signing out renews the stamp and so ends every copy.
                o.Events.OnValidatePrincipal = SessionStamps.Validate;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                // APIs and hubs answer 401/403 instead of redirecting to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidator>();
        services.AddScoped<CurrentViewer>();
        services.AddMemoryCache();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddScoped<AccountService>();
        services.AddScoped<SignInService>();
        return services;

        static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
        {
            if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
                ctx.Response.StatusCode = status;
            else
                ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        }
    }

    private static IServiceCollection AddArenaBus(this IServiceCollection services, ArenaOptions options, IConfiguration config)
    {
        services.AddMassTransit(x =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            x.DisableUsageTelemetry();
            x.AddArenaWebConsumers();
            if (options.Worker.Enabled) x.AddWorkerConsumers();
            x.UsingArenaBus(config, defaultBus: nameof(BusKind.InMemory));
        });
        return services;
    }
}
