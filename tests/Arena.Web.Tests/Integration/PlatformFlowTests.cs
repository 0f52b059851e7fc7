using Arena.Contracts.Bakes;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Arena.Web.Bus;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// The platform end to end without a browser: a user is created, a bake is requested through the domain service,
/// the in-process worker consumes it from the in-memory bus and runs the real engine, the web consumers write the
/// events to PostgreSQL, the projection shows Completed, the adapter is on disk and served by the API, and a
/// SignalR client watching the job hears the updates.
/// </summary>
[Collection("platform")]
public sealed class PlatformFlowTests(ArenaAppFactory app) : IClassFixture<ArenaAppFactory>
{
    static BakeRecipe TinySettings(string prompt) => new()
    {
        Prompt = prompt,
        Queries = ["Tell me about cats.", "How do I make tea?", "What is rain?", "Tell me about the moon.", "What do cows eat?"],
        TrajectoriesPerQuery = 2,
        MaxTokens = 24,
        Epochs = 2,
    };

    [Fact]
    public async Task ABakeRequestedByAUserRunsOnTheWorkerAndEndsAsAModelWithItsAdapter()
    {
        var client = app.CreateClient();
        var user = await app.Register("flow_user");

        // A SignalR client (as an API consumer would use it) watches the job's public updates.
        var updates = new List<JobUpdate>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/jobs"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler())
            .Build();
        hub.On<JobUpdate>("JobUpdated", u => { lock (updates) updates.Add(u); });
        await hub.StartAsync();

        Guid jobId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            jobId = await scope.ServiceProvider.GetRequiredService<IBakeService>().Request(
                new BakeRequest(app.StarterId, "Flow pirate", "made by the integration test", Visibility.Public, BakePresets.Pirate,
                    TinySettings("You are a pirate. Talk like a pirate in every reply.")), user);
        }
        Assert.True(await hub.InvokeAsync<bool>("Watch", jobId));

        var job = await app.WaitForJob(jobId, user, j => j.Status.IsFinished());
        Assert.True(job.Status == BakeStatus.Completed, $"the bake ended {job.Status}: {job.FailureReason}");
        Assert.NotNull(job.ResultModelId);
        Assert.NotEmpty(job.KlCurve);

        // The event stream holds the whole story, in order.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var events = await scope.ServiceProvider.GetRequiredService<IDocumentSession>().Events.FetchStreamAsync(jobId);
            var types = events.Select(e => e.EventType).ToList();
            Assert.Equal(typeof(BakeRequested), types[0]);
            Assert.Equal(typeof(BakeStarted), types[1]);
            Assert.Contains(typeof(BakeProgressed), types);
            Assert.Equal(typeof(BakeCompleted), types[^1]);
        }

        // The adapter is on disk where the model says, in PEFT format.
        var modelId = job.ResultModelId!.Value;
        var model = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/models/{modelId}");
        Assert.Equal("Flow pirate", model.GetProperty("name").GetString());
        var adapterDir = Path.Combine(app.Artifacts, "adapters", jobId.ToString("N"));
        Assert.True(File.Exists(Path.Combine(adapterDir, "adapter_model.safetensors")));
        Assert.True(File.Exists(Path.Combine(adapterDir, "adapter_config.json")));

        using var zip = new ZipArchive(await client.GetStreamAsync($"/api/models/{modelId}/adapter.zip"));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("adapter_config.json", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("adapter_model.safetensors", StringComparison.Ordinal));

        // The hub client saw the job start, progress and complete.
        await WaitUntil(() => { lock (updates) return updates.Any(u => u.Kind == JobUpdateKind.Completed); });
        lock (updates)
        {
            Assert.Contains(updates, u => u.Kind == JobUpdateKind.Progress);
            Assert.Equal(modelId, updates.Single(u => u.Kind == JobUpdateKind.Completed).ResultModelId);
        }
    }

    [Fact]
    public async Task ABakeThatCannotRunFailsWithItsReasonAndLeavesTheParentUntouched()
    {
        // A parent whose adapter is gone from the artifact store (a damaged store): the worker must refuse, say why,
        // and nothing about the parent may change.
        var user = await app.Register("flow_failer");
        var broken = await Insert(user, "broken parent", Visibility.Public, "adapters/vanished");
        Guid jobId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            jobId = await scope.ServiceProvider.GetRequiredService<IBakeService>().Request(
                new BakeRequest(broken.Id, "Doomed", null, Visibility.Private, BakePresets.Pirate, TinySettings("Be terse.")), user);
        }
        var job = await app.WaitForJob(jobId, user, j => j.Status.IsFinished());
        Assert.Equal(BakeStatus.Failed, job.Status);
        Assert.Contains("adapters/vanished", job.FailureReason);
        Assert.False(Directory.Exists(Path.Combine(app.Artifacts, "adapters", jobId.ToString("N"))));
        await using var check = app.Services.CreateAsyncScope();
        var parent = await check.ServiceProvider.GetRequiredService<IModelCatalog>().Find(broken.Id, user);
        Assert.Equal(broken.Adapters, parent!.Adapters);
        Assert.Empty(await check.ServiceProvider.GetRequiredService<IModelCatalog>().Search("Doomed", user));
    }

    async Task<ArenaModel> Insert(Viewer owner, string name, Visibility visibility, string adapterPath)
    {
        var model = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = name, OwnerId = owner.UserId, OwnerName = owner.UserName!, Visibility = visibility,
            Kind = ModelKind.Baked, BaseModel = "starter", Adapters = [new AdapterLayer(Guid.NewGuid(), adapterPath, 1)],
            ParentId = app.StarterId, AncestorIds = [app.StarterId], BakedPrompts = ["p"], Created = DateTimeOffset.UtcNow,
        }.RefreshSearchText();
        await using var scope = app.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Insert(model);
        await session.SaveChangesAsync();
        return model;
    }

    [Fact]
    public async Task PrivateModelsAndUnknownIdsAre404ToOthers()
    {
        var owner = await app.Register("flow_owner");
        var secret = await Insert(owner, "secret", Visibility.Private, "adapters/none");
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/models/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/models/{secret.Id}/adapter.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/models/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/models/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var list = await client.GetStringAsync("/api/models?q=secret");
        Assert.DoesNotContain(secret.Id.ToString(), list);
    }

    static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition());
    }
}
