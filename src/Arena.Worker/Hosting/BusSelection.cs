using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Worker.Hosting;

/// <summary>The standalone worker's transport: RabbitMQ (<c>Arena:Bus</c> = RabbitMq, the default) or in-memory (a smoke run).</summary>
public static class BusSelection
{
    /// <summary>The standalone worker's whole bus: its consumers on the transport <paramref name="config"/> selects.</summary>
    public static IServiceCollection AddArenaWorkerBus(this IServiceCollection services, IConfiguration config) =>
        services.AddMassTransit(x =>
        {
            // MassTransit otherwise reports usage to its vendor over the internet at start-up.
            x.DisableUsageTelemetry();
            x.AddArenaWorkerConsumers();
            x.UsingArenaBus(config);
        });

    public static void UsingArenaBus(this IBusRegistrationConfigurator x, IConfiguration config)
    {
        var bus = config["Arena:Bus"] ?? "RabbitMq";
        if (bus.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
        {
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            return;
        }
        if (!bus.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Arena:Bus must be RabbitMq or InMemory, got '{bus}'");
        var rabbit = config.GetSection("Arena:RabbitMq");
        var host = rabbit["Host"] ?? "127.0.0.1";
        var port = rabbit.GetValue("Port", 5672);
        // The same settings as the web app's (Arena:RabbitMq), virtual host included: both must meet on one.
        var virtualHost = rabbit["VirtualHost"] is { Length: > 0 } v ? v : "/";
        x.UsingRabbitMq((context, cfg) =>
        {
            cfg.Host(host, (ushort)port, virtualHost, h =>
            {
                h.Username(rabbit["User"] ?? "guest");
                h.Password(rabbit["Password"] ?? "guest");
            });
            cfg.ConfigureEndpoints(context);
        });
    }
}
