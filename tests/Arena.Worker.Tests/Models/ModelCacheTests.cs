using Arena.Testing;
using Arena.Engine;
using Arena.Contracts.Models;
using Arena.Worker.Hosting;
using Arena.Worker.Models;
using Arena.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Tests.Models;

[Collection(WorkerCollection.Name)]
public sealed class ModelCacheTests(WorkerFixture fixture)
{
    ModelCache NewCache(int size)
    {
        var options = Options.Create(new WorkerOptions
        {
            ModelsPath = RepoPaths.Models, ArtifactsPath = fixture.Host.ArtifactsRoot, ModelCacheSize = size,
        });
        var loader = new ModelSpecLoader(new WorkerPaths(options), TorchSettings.From(options.Value));
        return new ModelCache(loader, options, NullLogger<ModelCache>.Instance);
    }

    async Task<ModelSpec> Forked()
    {
        var baked = await fixture.TinyBake;
        return new ModelSpec(RepoPaths.StarterName, [new AdapterRef(baked.Bake.OutputPath, 0.5)]);
    }

    async Task<ModelStack> Peek(ModelCache cache, ModelSpec spec)
    {
        using var lease = await cache.Acquire(spec, CancellationToken.None);
        return lease.Model;
    }

    [Fact]
    public async Task SameSpecIsLoadedOnce()
    {
        using var cache = NewCache(2);
        var forked = await Forked();

        var first = await Peek(cache, forked);
        await Peek(cache, Recipes.Starter);

        Assert.Same(first, await Peek(cache, forked));
        Assert.Equal(2, cache.Count);
        Assert.Single(first.Adapters);
    }

    [Fact]
    public async Task LeastRecentlyUsedModelIsEvictedBeyondTheSize()
    {
        using var cache = NewCache(1);
        var forked = await Forked();

        var first = await Peek(cache, Recipes.Starter);
        await Peek(cache, forked);

        Assert.Equal(1, cache.Count);
        Assert.NotSame(first, await Peek(cache, Recipes.Starter));
    }

    [Fact]
    public async Task ModelIsLentToOneCallerAtATime()
    {
        using var cache = NewCache(2);
        var held = await cache.Acquire(Recipes.Starter, CancellationToken.None);

        // The model is loaded, so the second acquire goes straight to the lease and cannot get it while it is held.
        var waiting = cache.Acquire(Recipes.Starter, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(held.Model, next.Model);
    }

    [Fact]
    public async Task FailedLoadIsNotCached()
    {
        using var cache = NewCache(2);
        var missing = new ModelSpec(RepoPaths.StarterName, [new AdapterRef("adapters/not-yet", 1)]);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => cache.Acquire(missing, CancellationToken.None));

        Assert.Contains("adapters/not-yet", e.Message);
        Assert.Equal(0, cache.Count);
    }
}
