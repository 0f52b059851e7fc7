using Arena.Contracts.Bakes;
using Arena.Core.Accounts;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Core.Storage;
using Arena.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arena.Core.Tests.Storage;

/// <summary>The real Marten store on the test PostgreSQL, in a schema of its own per test class.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public string Schema { get; } = TestDatabase.NewSchema("core");
    public ServiceProvider Services { get; private set; } = null!;
    public RecordingDispatcher Dispatcher { get; } = new();
    public RecordingEvaluationDispatcher Evaluations { get; } = new();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddArenaStore(TestDatabase.ConnectionString, Schema);
        services.AddSingleton<IBakeDispatcher>(Dispatcher);
        services.AddSingleton<Arena.Core.Evaluations.IEvaluationDispatcher>(Evaluations);
        services.Configure<BakeLimits>(l => l.ConcurrentBakesPerUser = 2);
        services.Configure<Arena.Core.Battles.BattleOptions>(o => { o.AnonymousDailyVoteCap = 3; o.BootstrapRounds = 20; o.ProvisionalBelow = 5; });
        Services = services.BuildServiceProvider();
        await Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IModelCatalog>().EnsureBaseModels(["starter"]);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await TestDatabase.DropSchema(Schema);
    }

    public Guid StarterId => ModelCatalog.BaseModelId("starter");

    /// <summary>Runs <paramref name="f"/> in a new DI scope (a new Marten session), as one web request would.</summary>
    public async Task<T> In<T>(Func<IServiceProvider, Task<T>> f)
    {
        await using var scope = Services.CreateAsyncScope();
        return await f(scope.ServiceProvider);
    }

    public Task In(Func<IServiceProvider, Task> f) => In<int>(async sp => { await f(sp); return 0; });

    public async Task<Viewer> NewUser(string? name = null)
    {
        name ??= "u" + Guid.NewGuid().ToString("N")[..10];
        var user = await In(sp => sp.GetRequiredService<IAccountStore>().Create(name, "hash-not-checked-here"));
        return Viewer.User(user.Id, user.UserName);
    }

    public static BakeRecipe Settings(string prompt = "You are a pirate.") => new() { Prompt = prompt };
}

/// <summary>Records what the bake service hands to the bus; the real MassTransit dispatcher is tested in Arena.Web.Tests.</summary>
public sealed class RecordingDispatcher : IBakeDispatcher
{
    public List<(BakeJob Job, ArenaModel Parent, string OutputPath)> Dispatched { get; } = [];
    public List<Guid> Cancelled { get; } = [];
    public bool Fail { get; set; }

    public Task Dispatch(BakeJob job, ArenaModel parent, string outputPath, CancellationToken ct = default)
    {
        if (Fail) throw new InvalidOperationException("bus unreachable");
        lock (Dispatched) Dispatched.Add((job, parent, outputPath));
        return Task.CompletedTask;
    }

    public Task Cancel(Guid jobId, CancellationToken ct = default)
    {
        lock (Cancelled) Cancelled.Add(jobId);
        return Task.CompletedTask;
    }
}

/// <summary>Records what the evaluation service hands to the bus.</summary>
public sealed class RecordingEvaluationDispatcher : Arena.Core.Evaluations.IEvaluationDispatcher
{
    public List<(Arena.Core.Evaluations.EvaluationJob Job, ArenaModel Model, string? SuiteText)> Dispatched { get; } = [];
    public List<Guid> Cancelled { get; } = [];

    public Task Dispatch(Arena.Core.Evaluations.EvaluationJob job, ArenaModel model, string? suiteText, CancellationToken ct = default)
    {
        lock (Dispatched) Dispatched.Add((job, model, suiteText));
        return Task.CompletedTask;
    }

    public Task Cancel(Guid jobId, CancellationToken ct = default)
    {
        lock (Cancelled) Cancelled.Add(jobId);
        return Task.CompletedTask;
    }
}
