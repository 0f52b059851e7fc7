using Arena.Contracts.Bakes;

namespace Arena.Worker.Tests.Support;

/// <summary>
/// One worker host for the engine-backed tests, and one tiny bake that several of them reuse (its adapter, its
/// events). They run one at a time: on two cores, parallel bakes only slow each other down.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    Lazy<Task<BakedAdapter>>? tinyBake;

    public WorkerHost Host { get; private set; } = null!;

    public Task<BakedAdapter> TinyBake => tinyBake!.Value;

    public async Task InitializeAsync()
    {
        Host = await WorkerHost.Start();
        tinyBake = new(RunTinyBake);
    }

    async Task<BakedAdapter> RunTinyBake()
    {
        var bake = Recipes.Bake("adapters/pirate");
        await Host.Publish(bake);
        var outcome = await Host.Outcome(bake.JobId, TimeSpan.FromSeconds(90));
        return new BakedAdapter(bake, outcome);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed record BakedAdapter(RunBake Bake, object Outcome);

[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "worker";
}
