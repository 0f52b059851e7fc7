using Arena.Web.Accounts;
using Arena.Web.Api;
using Arena.Web.Components;
using Arena.Web.Hubs;

namespace Arena.Web.Hosting;

public static class PipelineRegistration
{
    public static WebApplication UseArenaWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseArenaErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthApi();
        app.MapModelsApi();
        app.MapBattlesApi();
        app.MapEvaluationsApi();
        app.MapSignOut();
        app.MapHub<JobsHub>("/hubs/jobs");
        app.MapHub<ChatHub>("/hubs/chat");
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // One plain line for the person who ran ./infra/run.sh, once the port is really open.
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.WriteLine($"Arena is running at {string.Join(", ", app.Urls)}"));
        return app;
    }
}
