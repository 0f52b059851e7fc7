using Arena.Contracts.Bakes;
using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// Web app and worker as separate hosts on a real RabbitMQ broker: what the in-memory tests cannot show — that the
/// queues, exchanges and the web replica's temporary endpoints are declared so that bakes and streamed replies
/// cross a real broker, and that a bake requested while no worker is up is kept until one starts.
/// </summary>
[Collection("platform")]
public sealed class DistributedPlatformTests(DistributedPlatform app) : IClassFixture<DistributedPlatform>
{
    [Fact]
    public async Task ACancelReachesTheWorkerRunningTheBakeAmongSeveral()
    {
        // Two workers: the cancel is published, and each worker hears it on a temporary queue of its own, so the one
        // running the job stops it whichever that is.
        await app.StartWorker("mq-worker-a");
        await app.StartWorker("mq-worker-b");
        var user = await app.Register("mq_canceller");
        Guid jobId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            jobId = await scope.ServiceProvider.GetRequiredService<IBakeService>().Request(new BakeRequest(app.StarterId, "Never baked",
                null, Visibility.Private, BakePresets.Pirate, new BakeRecipe
                {
                    Prompt = "Be sad and gloomy in every reply.",
                    Queries = ["Tell me about cats.", "How do I make tea?", "What is rain?", "Tell me about the moon."],
                    TrajectoriesPerQuery = 8,
                    MaxTokens = 64,
                    Epochs = 50,
                }), user);
        }
        var job = await app.WaitForJob(jobId, user, j => j.Status != BakeStatus.Queued);
        Assert.Equal(BakeStatus.Running, job.Status);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IBakeService>().Cancel(jobId, user);
        job = await app.WaitForJob(jobId, user, j => j.Status.IsFinished());
        Assert.Equal(BakeStatus.Cancelled, job.Status);
        Assert.False(Directory.Exists(Path.Combine(app.Artifacts, "adapters", jobId.ToString("N"))));
    }

    [Fact]
    public async Task AChatReplyStreamsFromAWorkerToTheWebAppOverTheBroker()
    {
        await app.StartWorker("mq-worker-chat");
        await using var scope = app.Services.CreateAsyncScope();
        var starter = await scope.ServiceProvider.GetRequiredService<IModelCatalog>().Find(app.StarterId, Viewer.Anonymous);
        Assert.NotNull(starter);
        var chunks = new List<string>();
        await foreach (var text in scope.ServiceProvider.GetRequiredService<IChatService>().Stream(starter,
                           [new ChatTurn("system", "Talk like a pirate."), new ChatTurn("user", "What do cows eat?")],
                           new SamplingParameters { Temperature = 0, MaxTokens = 24, Seed = 1 },
                           new Arena.Web.Battles.Judge(Viewer.Anonymous, "ip-test", "test")))
            chunks.Add(text);
        Assert.NotEmpty(chunks);
        Assert.False(string.IsNullOrWhiteSpace(string.Concat(chunks)));
    }
}

/// <summary>Its own platform (and virtual host): the first worker starts inside the test.</summary>
[Collection("platform")]
public sealed class DistributedBakeQueueTests(DistributedPlatform app) : IClassFixture<DistributedPlatform>
{
    [Fact]
    public async Task ABakeRequestedBeforeAnyWorkerStartedWaitsOnTheBrokerAndRunsOnTheFirstWorker()
    {
        var user = await app.Register("mq_baker");
        Guid jobId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            jobId = await scope.ServiceProvider.GetRequiredService<IBakeService>().Request(new BakeRequest(app.StarterId, "Broker pirate",
                null, Visibility.Public, BakePresets.Pirate, new BakeRecipe
                {
                    Prompt = "You are a pirate. Talk like a pirate in every reply.",
                    Queries = ["Tell me about cats.", "How do I make tea?", "What is rain?"],
                    TrajectoriesPerQuery = 2,
                    MaxTokens = 16,
                    Epochs = 1,
                }), user);
        }

        // No worker yet: the job is queued, not lost and not failed.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(BakeStatus.Queued, (await app.FindJob(jobId, user))!.Status);

        await app.StartWorker("mq-worker-1");
        var job = await app.WaitForJob(jobId, user, j => j.Status.IsFinished());
        Assert.True(job.Status == BakeStatus.Completed, $"the bake ended {job.Status}: {job.FailureReason}");
        Assert.Equal("mq-worker-1", job.Worker);
        Assert.NotEmpty(job.KlCurve);
        Assert.True(File.Exists(Path.Combine(app.Artifacts, "adapters", jobId.ToString("N"), "adapter_model.safetensors")));
    }
}
