using Arena.Core.Models;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hosting;

/// <summary>At start-up, makes sure every checkpoint folder under the models root (one with a config.json) has a
/// public base model document.</summary>
public sealed class BaseModelSeeder(IServiceScopeFactory scopes, IOptions<ArenaOptions> options, ILogger<BaseModelSeeder> logger) : IHostedService
{
    public static IReadOnlyList<string> CheckpointNames(string modelsRoot) =>
        Directory.Exists(modelsRoot)
            ? Directory.EnumerateDirectories(modelsRoot)
                .Where(d => File.Exists(Path.Combine(d, "config.json")))
                .Select(d => Path.GetFileName(d)!)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = CheckpointNames(options.Value.ModelsRoot);
        if (names.Count == 0) logger.LogWarning("No base checkpoints under {Root}", options.Value.ModelsRoot);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IModelCatalog>().EnsureBaseModels(names, cancellationToken);
        logger.LogInformation("Base models: {Names}", string.Join(", ", names));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
