using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Arena.Contracts.Chat;
using Arena.Core.Models;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arena.Web.Tests.Integration;

/// <summary>The app with every log entry kept, so a test can see what bad input writes to the log.</summary>
public sealed class LoggedAppFactory : ArenaAppFactory
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(new Capture(Logs)));
    }

    sealed class Capture(ConcurrentQueue<(string, LogLevel, string, Exception?)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Logger(category, logs);
        public void Dispose() { }
    }

    sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, Exception?)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= LogLevel.Warning;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (IsEnabled(level)) logs.Enqueue((category, level, format(state, e), e));
        }
    }
}

/// <summary>Bad input answered as it should be: API errors as ProblemDetails JSON with a message (never a 500 or an
/// HTML page), pages that do not fail on a bad link, hub calls answered with a message; expected errors logged as
/// warnings without a stack trace. And the headers and leaks of "Trust and first impressions".</summary>
[Collection("platform")]
public sealed class TrustTests(LoggedAppFactory app) : IClassFixture<LoggedAppFactory>
{
    static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), body);
        return problem;
    }

    /// <summary>What the web layer logged while <paramref name="act"/> ran.</summary>
    async Task<List<(string Category, LogLevel Level, string Message, Exception? Exception)>> Logged(Func<Task> act)
    {
        var before = app.Logs.Count;
        await act();
        return app.Logs.Skip(before).Where(l => l.Category.StartsWith("Microsoft.AspNetCore") || l.Category.StartsWith("Arena.Web")).ToList();
    }

    static void OnlyWarningsWithoutStacks(List<(string Category, LogLevel Level, string Message, Exception? Exception)> logged)
    {
        Assert.Contains(logged, l => l.Level == LogLevel.Warning && l.Exception is null);
        Assert.DoesNotContain(logged, l => l.Level >= LogLevel.Error || l.Exception is not null);
    }

    [Fact]
    public async Task SearchingForNulAnswersTheGalleryNotA500()
    {
        var response = await app.CreateClient().GetAsync("/api/models?q=%00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await response.Content.ReadFromJsonAsync<JsonElement[]>() ?? [], m => m.GetProperty("name").GetString() == "starter");
    }

    [Fact]
    public async Task UnknownApiRoutesAndModelsAreProblemDetailsNotHtml()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        await Problem(await client.GetAsync("/api/models/abc"), HttpStatusCode.NotFound);
        await Problem(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        var unknown = await Problem(await client.GetAsync($"/api/models/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Contains("model", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task VotesOnTheEmptyIdAndBadBodiesAreProblemsWithAMessageAndWarningsWithoutAStack()
    {
        var client = app.CreateClient();
        var logged = await Logged(async () =>
        {
            var empty = await Problem(await client.PostAsJsonAsync($"/api/battles/{Guid.Empty}/vote", new { winner = "a" }), HttpStatusCode.NotFound);
            Assert.Contains("battle", empty.GetProperty("detail").GetString());

            var path = $"/api/battles/{Guid.NewGuid()}/vote";
            var malformed = await client.PostAsync(path, new StringContent("{\"winner\": ", Encoding.UTF8, "application/json"));
            Assert.Contains("JSON", (await Problem(malformed, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
            await Problem(await client.PostAsync(path, new StringContent("", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        });
        OnlyWarningsWithoutStacks(logged);
    }

    [Fact]
    public async Task PlaygroundWithAModelIdThatIsNotAnIdIsAPageNotA500()
    {
        var response = await app.CreateClient().GetAsync("/playground?model=abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("playground-missing", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPageNamesAFaviconThatIsServed()
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\"", page);

        var icon = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StreamingWithoutTurnsIsAHubErrorWithAMessage()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/chat"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler())
            .Build();
        await hub.StartAsync();

        HubException? error = null;
        var logged = await Logged(async () => error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<string>("Stream", app.StarterId, (IReadOnlyList<ChatTurn>?)null, new SamplingParameters())) { }
        }));
        Assert.Contains("Say something first", error!.Message);
        Assert.DoesNotContain(logged, l => l.Level >= LogLevel.Error || l.Exception is not null);

        var badRole = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<string>("Stream", app.StarterId, Enumerable.Repeat(new ChatTurn("shouter", "hi"), 1).ToList(), (SamplingParameters?)null)) { }
        });
        Assert.Contains("role", badRole.Message);
    }

    [Fact]
    public async Task EveryAnswerCarriesTheSecurityHeaders()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        foreach (var path in new[] { "/", "/api/models", "/api/no-such-thing", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            var headers = response.Headers;
            Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
            var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("connect-src 'self' ws: wss:", csp);
            Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
            Assert.StartsWith("max-age=", Assert.Single(headers.GetValues("Strict-Transport-Security")));
            Assert.False(headers.Contains("Server"), path);
        }
        // No HSTS over plain HTTP (browsers ignore it there, and it is no promise to make for http://127.0.0.1).
        Assert.False((await app.CreateClient().GetAsync("/")).Headers.Contains("Strict-Transport-Security"));
        // Kestrel (the real server; the test server adds none) sends no "Server: Kestrel".
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task TheAdapterZipsReportHasNoInternalPathsOrJobIds()
    {
        var parentJob = Guid.NewGuid();
        var job = Guid.NewGuid();
        var folder = Path.Combine(app.Artifacts, "adapters", job.ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "adapter_config.json"), "{\"r\": 4}");
        await File.WriteAllTextAsync(Path.Combine(folder, "bake-report.json"), $$"""
            {"recipe": {"prompt": "You are a pirate."}, "parent_chain": ["/srv/arena/models/starter", "adapters/{{parentJob:N}}:0.8"],
             "kl_prompted_vs_parent": 1.25, "kl_prompted_vs_baked": 0.25}
            """);
        var model = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = "Zip pirate", OwnerName = "zipper", OwnerId = Guid.NewGuid(), Visibility = Visibility.Public,
            Kind = ModelKind.Baked, BaseModel = "starter", ParentId = app.StarterId, JobId = job, Created = DateTimeOffset.UtcNow,
            Adapters = [new AdapterLayer(parentJob, $"adapters/{parentJob:N}", 0.8), new AdapterLayer(job, $"adapters/{job:N}", 1.0)],
        }.RefreshSearchText();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            session.Insert(model);
            await session.SaveChangesAsync();
        }

        var response = await app.CreateClient().GetAsync($"/api/models/{model.Id}/adapter.zip");
        response.EnsureSuccessStatusCode();
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(zip.GetEntry("adapter_config.json"));
        using var reader = new StreamReader(zip.GetEntry("bake-report.json")!.Open());
        var report = await reader.ReadToEndAsync();

        Assert.DoesNotContain("/srv/arena", report);
        Assert.DoesNotContain("adapters/", report);
        Assert.DoesNotContain(parentJob.ToString("N"), report);
        Assert.DoesNotContain(job.ToString("N"), report);
        var json = JsonDocument.Parse(report).RootElement;
        Assert.Equal("You are a pirate.", json.GetProperty("recipe").GetProperty("prompt").GetString());
        Assert.Equal(0.25, json.GetProperty("kl_prompted_vs_baked").GetDouble());
        Assert.Equal("starter", json.GetProperty("base_model").GetString());
    }
}
