using Arena.Core.Storage;
using Arena.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// The whole web app in-process, on the real parts: PostgreSQL (a schema of its own), the in-memory MassTransit bus
/// with the worker's consumers running the real engine on the committed starter model, and a temporary artifact
/// store. With <see cref="UseKestrel"/> it listens on a real loopback port for the browser tests.
/// </summary>
public class ArenaAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string Schema { get; } = TestDatabase.NewSchema("web");
    public string Artifacts { get; } = Directory.CreateTempSubdirectory("arena-artifacts-").FullName;
    public Guid StarterId => ModelCatalog.BaseModelId("starter");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Arena", TestDatabase.ConnectionString);
        builder.UseSetting("Arena:Schema", Schema);
        builder.UseSetting("Arena:ModelsPath", RepoPaths.Models);
        builder.UseSetting("Arena:ArtifactsPath", Artifacts);
        builder.UseSetting("Arena:Bus", "InMemory");
        builder.UseSetting("Arena:Worker:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The leaderboard refresher reacts within a second or two (production waits longer to batch votes).
        builder.UseSetting("Arena:Arena:Leaderboard:Debounce", "00:00:00.200");
        builder.UseSetting("Arena:Arena:Leaderboard:PollInterval", "00:00:01");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropSchema(Schema);
        try { Directory.Delete(Artifacts, recursive: true); } catch (IOException) { }
    }
}
