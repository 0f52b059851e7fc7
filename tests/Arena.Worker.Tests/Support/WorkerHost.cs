using Arena.Testing;
using Arena.Contracts.Bakes;
using Arena.Contracts.Chat;
using Arena.Worker.Hosting;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Worker.Tests.Support;

/// <summary>
/// The worker's consumers on MassTransit's in-memory test harness, as the web app hosts them, with the real engine,
/// the starter model and a fresh artifact folder.
/// </summary>
public sealed class WorkerHost : IAsyncDisposable
{
    readonly ServiceProvider provider;

    public ITestHarness Harness { get; }
    public MessageLog Log { get; }
    /// <summary>Every message a consumer has finished handling (commands included), in the order they finished.</summary>
    public MessageLog Handled { get; }
    public string ArtifactsRoot { get; }
    public IServiceProvider Services => provider;

    WorkerHost(ServiceProvider provider, string artifactsRoot)
    {
        this.provider = provider;
        ArtifactsRoot = artifactsRoot;
        Harness = provider.GetRequiredService<ITestHarness>();
        Log = provider.GetRequiredService<MessageLog>();
        Handled = provider.GetRequiredService<HandledRecorder>().Log;
    }

    public static async Task<WorkerHost> Start(Dictionary<string, string?>? settings = null)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "arena-worker-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(artifacts);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Arena:Worker:ModelsPath"] = RepoPaths.Models,
            ["Arena:Worker:ArtifactsPath"] = artifacts,
            ["Arena:Worker:WorkerName"] = "test-worker",
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddArenaWorker(config);
        services.AddSingleton<MessageLog>();
        services.AddSingleton<HandledRecorder>();
        services.AddConsumeObserver(sp => sp.GetRequiredService<HandledRecorder>());
        services.AddMassTransitTestHarness(x =>
        {
            x.AddArenaWorkerConsumers();
            x.AddConsumer<MessageRecorder>();
        });
        var provider = services.BuildServiceProvider(true);
        var host = new WorkerHost(provider, artifacts);
        await host.Harness.Start();
        return host;
    }

    public Task Publish<T>(T message) where T : class => Harness.Bus.Publish(message);

    /// <summary>The job's final event: BakeJobSucceeded, BakeJobFailed or BakeJobCancelled.</summary>
    public Task<object> Outcome(Guid jobId, TimeSpan timeout) =>
        Log.WaitFor<object>(m => m is BakeJobSucceeded s && s.JobId == jobId || m is BakeJobFailed f && f.JobId == jobId
                                 || m is BakeJobCancelled c && c.JobId == jobId, timeout);

    /// <summary>The reply's chunks in sequence order, once its Done chunk has arrived.</summary>
    public async Task<List<ReplyChunk>> Reply(Guid requestId, TimeSpan timeout)
    {
        await Log.WaitFor<ReplyChunk>(c => c.RequestId == requestId && c.Done, timeout);
        return Log.All<ReplyChunk>(c => c.RequestId == requestId).OrderBy(c => c.Sequence).ToList();
    }

    /// <summary>
    /// Waits for a condition that no message or event reports, checking it every few milliseconds until the
    /// deadline. Prefer <see cref="MessageLog.WaitFor{T}"/> wherever the worker publishes or handles something.
    /// </summary>
    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!condition())
        {
            try
            {
                await tick.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what}: not within {timeout.TotalSeconds} s");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
        try { Directory.Delete(ArtifactsRoot, recursive: true); }
        catch (IOException) { }
    }
}
