using Arena.Contracts.Bakes;
using Arena.Core;
using Arena.Core.Accounts;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Core.Storage;
using Arena.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// Issue 24 item 6 for real: the built web app runs a bake in its own process, the test kills that process (the
/// whole tree, no shutdown) while the job is running, starts the app again and watches the job in the database.
/// The restarted app re-queues the job as a new run, which ends as exactly one model; or, when the job has used its
/// runs, fails it with the reason, so it never stays "Running" holding its owner's quota.
/// </summary>
[Collection("platform")]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    readonly string schema = TestDatabase.NewSchema("crash");
    readonly string artifacts = Directory.CreateTempSubdirectory("arena-crash-").FullName;
    readonly List<WebProcess> apps = [];
    ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var s = new ServiceCollection();
        s.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        s.AddArenaStore(TestDatabase.ConnectionString, schema);
        // The test only records the job; the app it starts hands it to its worker (a restart re-queues open jobs).
        s.AddSingleton<IBakeDispatcher, NoDispatcher>();
        services = s.BuildServiceProvider();
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IModelCatalog>().EnsureBaseModels([RepoPaths.StarterName]);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in apps) app.Dispose();
        await services.DisposeAsync();
        await TestDatabase.DropSchema(schema);
        try { Directory.Delete(artifacts, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task ABakeRunningWhenTheAppIsKilledRunsAgainAfterTheRestartAndMakesExactlyOneModel()
    {
        var (user, jobId) = await RequestBake();
        var first = StartApp();
        var running = await WaitForJob(jobId, first, j => j.Status == BakeStatus.Running);
        first.Kill();
        Assert.Equal(BakeStatus.Running, (await Job(jobId)).Status);   // what the issue saw: nobody will finish it

        var second = StartApp();
        var job = await WaitForJob(jobId, second, j => j.Status.IsFinished());
        Assert.True(job.Status == BakeStatus.Completed, $"the bake ended {job.Status}: {job.FailureReason}\n{second.Output}");
        Assert.Equal(running.Attempt + 1, job.Attempt);
        Assert.Equal(1, job.Interruptions);

        await using var scope = services.CreateAsyncScope();
        var models = await scope.ServiceProvider.GetRequiredService<IModelCatalog>().ByOwner(user.UserId!.Value, user);
        var model = Assert.Single(models);
        Assert.Equal(job.ResultModelId, model.Id);
        var adapter = Assert.Single(model.Adapters).Path;
        Assert.Equal(BakeService.AdapterPath(jobId, job.Attempt), adapter);
        Assert.True(File.Exists(Path.Combine(artifacts, adapter, "adapter_model.safetensors")));
        // The killed run never finished its folder, so nothing of it can be taken for an adapter.
        Assert.False(Directory.Exists(Path.Combine(artifacts, BakeService.AdapterPath(jobId, running.Attempt))));
        var events = await scope.ServiceProvider.GetRequiredService<IDocumentSession>().Events.FetchStreamAsync(jobId);
        Assert.Equal(2, events.Count(e => e.Data is BakeRequeued));   // queued at the first start, running at the second
        Assert.Contains(events, e => e.Data is BakeLeaseRenewed);
        Assert.Single(events, e => e.Data is BakeCompleted);
    }

    [Fact]
    public async Task ABakeThatHasUsedItsRunsFailsWithTheReasonAfterTheRestartAndFreesTheQuota()
    {
        var (user, jobId) = await RequestBake();
        var settings = new Dictionary<string, string> { ["Arena__Bakes__Recovery__MaxAttempts"] = "1" };
        var first = StartApp(settings);
        await WaitForJob(jobId, first, j => j.Status == BakeStatus.Running);
        first.Kill();

        var second = StartApp(settings);
        var job = await WaitForJob(jobId, second, j => j.Status.IsFinished());
        Assert.Equal(BakeStatus.Failed, job.Status);
        Assert.Contains("lost its worker 1 time", job.FailureReason);
        Assert.Contains("restarted", job.FailureReason);

        await using var scope = services.CreateAsyncScope();
        var active = await scope.ServiceProvider.GetRequiredService<IDocumentSession>().Query<BakeJob>()
            .CountAsync(j => j.UserId == user.UserId && (j.Status == BakeStatus.Queued || j.Status == BakeStatus.Running));
        Assert.Equal(0, active);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IModelCatalog>().ByOwner(user.UserId!.Value, user));
    }

    /// <summary>A user and a tiny bake (seconds on a CPU), recorded as queued: no app is running yet.</summary>
    async Task<(Viewer User, Guid JobId)> RequestBake()
    {
        await using var scope = services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IAccountStore>().Create("crash_" + Guid.NewGuid().ToString("N")[..8], "hash-not-checked-here");
        var user = Viewer.User(account.Id, account.UserName);
        var recipe = new BakeRecipe
        {
            Prompt = "You are a pirate. Answer every question like a pirate, saying Arr!",
            Queries = ["Tell me about cats.", "How do I make tea?", "What is rain?", "Tell me about the moon.", "What do cows eat?"],
            TrajectoriesPerQuery = 2,
            MaxTokens = 16,
            Epochs = 1,
            Seed = 3,
        };
        var jobId = await scope.ServiceProvider.GetRequiredService<IBakeService>().Request(
            new BakeRequest(ModelCatalog.BaseModelId(RepoPaths.StarterName), "Crash pirate", null, Visibility.Private, BakePresets.Pirate, recipe), user);
        return (user, jobId);
    }

    WebProcess StartApp(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Arena"] = TestDatabase.ConnectionString,
            ["Arena__Schema"] = schema,
            ["Arena__ModelsPath"] = RepoPaths.Models,
            ["Arena__ArtifactsPath"] = artifacts,
            ["Arena__Bus"] = "InMemory",
            ["Arena__Worker__Enabled"] = "true",
            // Heartbeats several times a second, so even a bake of seconds renews its lease through the app's bus.
            ["Arena__Worker__HeartbeatInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        var app = WebProcess.Start(settings);
        apps.Add(app);
        return app;
    }

    async Task<BakeJob> Job(Guid jobId)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<BakeJob>(jobId) ?? throw new InvalidOperationException($"job {jobId} is gone");
    }

    /// <summary>Polls the job in the database until <paramref name="done"/> holds; the app must stay up meanwhile.</summary>
    async Task<BakeJob> WaitForJob(Guid jobId, WebProcess app, Func<BakeJob, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var job = await Job(jobId);
            if (done(job)) return job;
            if (app.HasExited) throw new InvalidOperationException($"the app exited while job {jobId} was {job.Status}:\n{app.Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"job {jobId} is still {job.Status} ({job.Phase}, run {job.Attempt}) after 5 minutes:\n{app.Output}");
            await Task.Delay(100);
        }
    }

    sealed class NoDispatcher : IBakeDispatcher
    {
        public Task Dispatch(BakeJob job, ArenaModel parent, string outputPath, CancellationToken ct = default) => Task.CompletedTask;
        public Task Cancel(Guid jobId, CancellationToken ct = default) => Task.CompletedTask;
    }
}
