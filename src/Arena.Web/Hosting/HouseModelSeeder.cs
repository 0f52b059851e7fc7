using Arena.Core.Models;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hosting;

/// <summary>At start-up, after <see cref="BaseModelSeeder"/>: the house models checked in beside each base checkpoint
/// (<see cref="HouseManifest"/>), so a fresh install has models to battle. Copies a few small adapters and writes
/// a few documents, once; every later start finds them and adds nothing.</summary>
public sealed class HouseModelSeeder(HouseModels house, IOptions<ArenaOptions> options, ILogger<HouseModelSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        try
        {
            var added = await house.Ensure(o.ModelsRoot, o.ArtifactsRoot, BaseModelSeeder.CheckpointNames(o.ModelsRoot), cancellationToken);
            logger.LogInformation("House models: {Models} added, {Adapters} adapters copied, {Accounts} account added",
                added.ModelsAdded, added.AdaptersCopied, added.AccountsAdded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The site works without them (users bake their own); a bad manifest must not keep it down.
            logger.LogError(e, "House models were not seeded");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
