using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Arena.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// The whole web app in-process, on the real parts: PostgreSQL (a schema of its own), the in-memory MassTransit bus
/// with the worker's consumers running the real engine on the committed starter model, and a temporary artifact
/// store. With <see cref="UseKestrel"/> it listens on a real loopback port for the browser tests.
/// </summary>
public class ArenaAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public ArenaAppFactory() : this(TestDatabase.NewSchema("web")) { }

    /// <summary>Another instance of the app on <paramref name="schema"/>: a second replica sharing the first one's database.</summary>
    protected ArenaAppFactory(string schema) => Schema = schema;

    public string Schema { get; }
    public string Artifacts { get; } = Directory.CreateTempSubdirectory("arena-artifacts-").FullName;
    public Guid StarterId => ModelCatalog.BaseModelId("starter");

    /// <summary>How the app reaches PostgreSQL (a test may put a <see cref="TcpRelay"/> in between).</summary>
    protected virtual string ConnectionString => TestDatabase.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Arena", ConnectionString);
        builder.UseSetting("Arena:Schema", Schema);
        builder.UseSetting("Arena:ModelsPath", RepoPaths.Models);
        builder.UseSetting("Arena:ArtifactsPath", Artifacts);
        builder.UseSetting("Arena:Bus", "InMemory");
        builder.UseSetting("Arena:Worker:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The leaderboard refresher reacts within a second or two (production waits longer to batch votes).
        builder.UseSetting("Arena:Battles:Leaderboard:Debounce", "00:00:00.200");
        builder.UseSetting("Arena:Battles:Leaderboard:PollInterval", "00:00:01");
    }

    /// <summary>The password of every account <see cref="Register"/> makes.</summary>
    public const string Password = "correct horse battery";

    /// <summary>A new account, as the viewer it signs in as.</summary>
    public async Task<Viewer> Register(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountService>().Register(name, Password);
        return Viewer.User(account.Id, account.UserName);
    }

    /// <summary>A client signed in through the login form, as a browser would be (FormClient posts it).</summary>
    public async Task<HttpClient> SignedIn(Viewer user)
    {
        var form = FormClient.For(this);
        await form.SignIn(user.UserName!, Password);
        if (form.AuthCookie is null) throw new InvalidOperationException($"{user.UserName} could not sign in");
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"arena.auth={form.AuthCookie}");
        return client;
    }

    public async Task<BakeJob?> FindJob(Guid jobId, Viewer viewer)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IBakeService>().Find(jobId, viewer);
    }

    /// <summary>Polls the job's projection until <paramref name="done"/> holds (bakes run for real: up to minutes).</summary>
    public async Task<BakeJob> WaitForJob(Guid jobId, Viewer viewer, Func<BakeJob, bool> done)
    {
        var timeout = TimeSpan.FromMinutes(4);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await FindJob(jobId, viewer);
            if (job is not null && done(job)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"job {jobId} is still {job?.Status} ({job?.Phase}) after {timeout}");
            await Task.Delay(250);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropSchema(Schema);
        try { Directory.Delete(Artifacts, recursive: true); } catch (IOException) { }
    }
}
