using Arena.Core.Storage;
using MassTransit;

namespace Arena.Web.Hosting;

/// <summary>The two registrations that come from other projects: storage (Arena.Core's Marten store) and the
/// in-process worker (Arena.Worker). Kept apart so the rest of the wiring does not depend on them.</summary>
internal static class PlatformRegistration
{
    public static IServiceCollection AddArenaPlatform(this IServiceCollection services, IConfiguration config, ArenaOptions options)
    {
        var connectionString = config.GetConnectionString("Arena")
            ?? throw new InvalidOperationException("ConnectionStrings:Arena is not configured.");
        services.AddArenaStore(connectionString);
        // TODO(merge main): if (options.Worker.Enabled) services.AddArenaWorker(config);
        _ = options;
        return services;
    }

    public static IBusRegistrationConfigurator AddWorkerConsumers(this IBusRegistrationConfigurator bus)
    {
        // TODO(merge main): bus.AddArenaWorkerConsumers();
        return bus;
    }
}
