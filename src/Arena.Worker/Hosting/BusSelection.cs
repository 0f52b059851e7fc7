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

    /// <summary>The transport <c>Arena:Bus</c> names (<paramref name="defaultBus"/> when unset): RabbitMq, with
    /// <see cref="RabbitMqSettings"/>, or InMemory. The web app and the standalone worker both register it here.</summary>
    public static void UsingArenaBus(this IBusRegistrationConfigurator x, IConfiguration config, string defaultBus = "RabbitMq")
    {
        var bus = config["Arena:Bus"] is { Length: > 0 } b ? b : defaultBus;
        if (bus.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
        {
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            return;
        }
        if (!bus.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Arena:Bus must be RabbitMq or InMemory, got '{bus}'");
        var rabbit = RabbitMqSettings.From(config);
        x.UsingRabbitMq((context, cfg) =>
        {
            cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
            {
                h.Username(rabbit.User);
                h.Password(rabbit.Password);
            });
            cfg.ConfigureEndpoints(context);
        });
    }
}
