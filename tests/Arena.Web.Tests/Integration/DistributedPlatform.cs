using Arena.Testing;
using Arena.Worker.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// The platform as it runs beyond one machine: the web app with no worker of its own on RabbitMQ (the project's
/// real broker, a virtual host per fixture), and standalone workers (<see cref="StartWorker"/>), each set up exactly as
/// <c>Arena.Worker</c>'s Program does, that meet the web app only through the broker and the shared artifact folder.
/// </summary>
public sealed class DistributedPlatform : ArenaAppFactory
{
    readonly List<IHost> workers = [];

    public string VirtualHost { get; } = TestBroker.NewVirtualHost("web");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Arena:Bus", "RabbitMq");
        builder.UseSetting("Arena:Worker:Enabled", "false");
        builder.UseSetting("Arena:RabbitMq:Host", TestBroker.Host);
        builder.UseSetting("Arena:RabbitMq:Port", TestBroker.Port.ToString());
        builder.UseSetting("Arena:RabbitMq:VirtualHost", VirtualHost);
    }

    /// <summary>A worker process's host (here in the test process): its own container, its own bus connection.</summary>
    public async Task<IHost> StartWorker(string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Arena:Bus"] = "RabbitMq",
            ["Arena:RabbitMq:Host"] = TestBroker.Host,
            ["Arena:RabbitMq:Port"] = TestBroker.Port.ToString(),
            ["Arena:RabbitMq:VirtualHost"] = VirtualHost,
            ["Arena:Worker:ModelsPath"] = RepoPaths.Models,
            ["Arena:Worker:ArtifactsPath"] = Artifacts,
            ["Arena:Worker:WorkerName"] = name,
        });
        builder.Services.AddLogging();
        builder.Services.AddArenaWorker(builder.Configuration);
        builder.Services.AddArenaWorkerBus(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        lock (workers) workers.Add(host);
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var worker in workers)
        {
            await worker.StopAsync();
            worker.Dispose();
        }
        await base.DisposeAsync();
        TestBroker.DeleteVirtualHost(VirtualHost);
    }
}
