using MassTransit;

namespace Arena.Worker.Hosting;

/// <summary>
/// Publishes a job's heartbeat (<see cref="Arena.Contracts.Bakes.BakeJobHeartbeat"/>,
/// <see cref="Arena.Contracts.Evaluations.EvaluationJobHeartbeat"/>) on a timer while the job runs. Progress alone cannot
/// serve as the lease: loading a model or a long training step can be silent for minutes, and the web app would take
/// the worker for dead. Stops when disposed; a lost heartbeat is only logged by the bus, the next one renews the lease.
/// </summary>
public sealed class Heartbeat : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    /// <param name="message">Makes each heartbeat (with the time it is sent).</param>
    public Heartbeat(IPublishEndpoint bus, Func<object> message, TimeSpan interval)
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
                        var beat = message();
                        await bus.Publish(beat, beat.GetType(), stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Best effort, like progress: the job must not fail because one heartbeat did not go out.
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
