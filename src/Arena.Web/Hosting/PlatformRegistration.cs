using Arena.Core.Storage;
using Arena.Worker.Hosting;
using MassTransit;

namespace Arena.Web.Hosting;

/// <summary>The two registrations that come from other projects: storage (Arena.Core's Marten store) and the
/// in-process worker (Arena.Worker, when <c>Arena:Worker:Enabled</c>).</summary>
internal static class PlatformRegistration
{
    public static IServiceCollection AddArenaPlatform(this IServiceCollection services, IConfiguration config, ArenaOptions options)
    {
        var connectionString = config.GetConnectionString("Arena");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Arena is not configured (set ConnectionStrings__Arena, or start with ./infra/run.sh, which runs a local PostgreSQL).");
        // Arena:Schema lets several instances (or test runs) share one database without sharing tables.
        // Uploaded suites may use the starter's behavior rules, which the workers judge with (registered first: the
        // store only adds its empty rule book when none is there).
        services.AddSingleton<Arena.Evaluation.Checks.IRuleBook>(Arena.Starter.Behaviors.StarterRules.Instance);
        services.AddArenaStore(connectionString, config["Arena:Schema"] ?? "arena");
        KeyRingStore.AddArenaKeyRing(services);
        if (options.Worker.Enabled)
        {
            services.AddArenaWorker(config);
            // In-process, the worker reads the web app's folders unless Arena:Worker gives its own.
            services.PostConfigure<WorkerOptions>(w =>
            {
                if (string.IsNullOrEmpty(config[$"{WorkerOptions.Section}:{nameof(WorkerOptions.ModelsPath)}"]))
                    w.ModelsPath = options.ModelsRoot;
                if (string.IsNullOrEmpty(config[$"{WorkerOptions.Section}:{nameof(WorkerOptions.ArtifactsPath)}"]))
                    w.ArtifactsPath = options.ArtifactsRoot;
            });
        }
        return services;
    }

    public static IBusRegistrationConfigurator AddWorkerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddArenaWorkerConsumers();
        return bus;
    }
}
