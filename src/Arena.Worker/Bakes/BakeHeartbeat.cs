using Arena.Contracts.Bakes;
using MassTransit;

namespace Arena.Worker.Bakes;

/// <summary>
/// Publishes <see cref="BakeJobHeartbeat"/> on a timer while a bake runs. Progress alone cannot serve as the lease:
/// loading a model or a long training step can be silent for minutes, and the web app would take the worker for
/// dead. Stops when disposed; a lost heartbeat is only logged by the bus, the next one renews the lease.
/// </summary>
public sealed class BakeHeartbeat : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public BakeHeartbeat(IPublishEndpoint bus, RunBake bake, string worker, TimeSpan interval)
    {
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    try
                    {
                        await bus.Publish(new BakeJobHeartbeat(bake.JobId, worker, DateTimeOffset.UtcNow, bake.Attempt), stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Best effort, like progress: the bake must not fail because one heartbeat did not go out.
                    }
                }
            }
            catch (OperationCanceledException) { }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (stop.IsCancellationRequested) return;
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
