using Arena.Contracts.Bakes;
using Arena.Worker.Tests.Support;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Tests.Bakes;

/// <summary>What the web app's crash recovery needs from a worker: a heartbeat while it holds a bake, even when
/// progress is silent, and every report naming the run it belongs to.</summary>
[Collection(WorkerCollection.Name)]
public sealed class BakeLeaseTests
{
    [Fact]
    public async Task ARunningBakeSendsHeartbeatsAndEveryReportNamesItsRun()
    {
        // A heartbeat every 50 ms: a tiny bake lasts seconds, so it cannot finish without sending some.
        await using var host = await WorkerHost.Start(new() { ["Arena:Worker:HeartbeatInterval"] = "00:00:00.050" });
        var bake = Recipes.Bake("adapters/run3", Recipes.Tiny with { Epochs = 1 }) with { Attempt = 3 };
        await host.Publish(bake);

        var outcome = Assert.IsType<BakeJobSucceeded>(await host.Outcome(bake.JobId, TimeSpan.FromSeconds(90)));
        var heartbeat = await host.Log.WaitFor<BakeJobHeartbeat>(h => h.JobId == bake.JobId, TimeSpan.FromSeconds(5));

        Assert.Equal(("test-worker", 3), (heartbeat.Worker, heartbeat.Attempt));
        Assert.Equal(3, outcome.Attempt);
        Assert.Equal(3, Assert.Single(host.Log.All<BakeJobStarted>(s => s.JobId == bake.JobId)).Attempt);
        Assert.All(host.Log.All<BakeJobProgress>(p => p.JobId == bake.JobId), p => Assert.Equal(3, p.Attempt));
        Assert.All(host.Log.All<BakeJobHeartbeat>(h => h.JobId == bake.JobId), h => Assert.Equal(3, h.Attempt));
    }

    [Fact]
    public async Task AZeroHeartbeatIntervalIsRefused()
    {
        // Refused as the worker starts, not when its first bake would never renew its lease.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkerHost.Start(new() { ["Arena:Worker:HeartbeatInterval"] = "00:00:00" }));
        Assert.Contains("HeartbeatInterval must be positive", error.Message);
    }
}
