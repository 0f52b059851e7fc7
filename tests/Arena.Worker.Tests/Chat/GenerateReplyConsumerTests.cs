using Arena.Testing;
using Arena.Contracts.Bakes;
using Arena.Contracts.Chat;
using Arena.Contracts.Models;
using Arena.Worker.Cancellation;
using Arena.Worker.Models;
using Microsoft.Extensions.DependencyInjection;
using Arena.Worker.Tests.Support;

namespace Arena.Worker.Tests.Chat;

[Collection(WorkerCollection.Name)]
public sealed class GenerateReplyConsumerTests(WorkerFixture fixture)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly ChatTurn[] Question = [new("user", "Tell me about the ocean.")];
    WorkerHost Host => fixture.Host;

    [Fact]
    public async Task ReplyStreamsChunksInOrderEndingWithDone()
    {
        var chunks = await Reply(Recipes.Starter, Question, new SamplingParameters { Seed = 11, MaxTokens = 48 });

        var done = chunks[^1];
        Assert.True(done.Done);
        Assert.Null(done.Error);
        Assert.True(done.Tokens > 0);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Sequence));
        Assert.Single(chunks, c => c.Done);
        Assert.NotEmpty(string.Concat(chunks.Select(c => c.Text)).Trim());
    }

    [Fact]
    public async Task SameSeedGivesTheSameReply()
    {
        var sampling = new SamplingParameters { Seed = 5, Temperature = 1.0, MaxTokens = 32 };

        var first = Text(await Reply(Recipes.Starter, Question, sampling));
        var second = Text(await Reply(Recipes.Starter, Question, sampling));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task BakedAdapterChangesTheReply()
    {
        var baked = await fixture.TinyBake;
        Assert.IsType<BakeJobSucceeded>(baked.Outcome);
        var greedy = new SamplingParameters { Temperature = 0, MaxTokens = 32 };
        var forked = new ModelSpec(RepoPaths.StarterName, [new AdapterRef(baked.Bake.OutputPath, 1.0)]);

        var plain = Text(await Reply(Recipes.Starter, Question, greedy));
        var pirate = Text(await Reply(forked, Question, greedy));

        Assert.NotEqual(plain, pirate);
    }

    [Fact]
    public async Task ConversationNotEndingWithTheUserFailsWithAnError()
    {
        ChatTurn[] turns = [new("user", "Hello"), new("assistant", "Hi there.")];

        var chunks = await Reply(Recipes.Starter, turns, new SamplingParameters { Seed = 1 });

        var done = Assert.Single(chunks);
        Assert.True(done.Done);
        Assert.Contains("last turn", done.Error);
    }

    [Fact]
    public async Task PromptLongerThanTheContextFailsWithAnError()
    {
        ChatTurn[] turns = [new("user", string.Join(' ', Enumerable.Repeat("ocean waves and sunny beaches", 200)))];

        var chunks = await Reply(Recipes.Starter, turns, new SamplingParameters { Seed = 1 });

        Assert.True(chunks[^1].Done);
        Assert.Contains("context", chunks[^1].Error);
    }

    [Fact]
    public async Task UnknownBaseModelFailsWithAnErrorNamingIt()
    {
        var chunks = await Reply(new ModelSpec("missing-base", []), Question, new SamplingParameters());

        Assert.Contains("missing-base", chunks[^1].Error);
    }

    [Fact]
    public async Task ReplyWaitingForABusyModelEndsWhenCancelled()
    {
        // Holding the model's lease makes the reply wait for it, so the cancel lands at a known point.
        var cache = Host.Services.GetRequiredService<ModelCache>();
        var running = Host.Services.GetRequiredService<ReplyCancellations>();
        using (await cache.Acquire(Recipes.Starter, CancellationToken.None))
        {
            var request = new GenerateReply(Guid.NewGuid(), Recipes.Starter, Question, new SamplingParameters { Seed = 2 });
            await Host.Publish(request);
            // Nothing is published while the reply waits for the model; the registry shows it has started (and
            // can only be waiting for the held lease), so the cancel reaches a running reply, not an early one.
            await WorkerHost.Until(() => running.IsRunning(request.RequestId), Timeout, "the reply started");

            await Host.Publish(new CancelReply(request.RequestId));
            var chunks = await Host.Reply(request.RequestId, Timeout);

            var done = Assert.Single(chunks);
            Assert.Equal("cancelled", done.Error);
            Assert.Equal(0, done.Tokens);
        }
    }

    [Fact]
    public async Task ReplyCancelledBeforeItArrivesIsNotGenerated()
    {
        var request = new GenerateReply(Guid.NewGuid(), Recipes.Starter, Question, new SamplingParameters { Seed = 2 });
        await Host.Publish(new CancelReply(request.RequestId));
        // The cancel travels on its own queue: wait until the worker has handled it before sending the request.
        await Host.Handled.WaitFor<CancelReply>(c => c.RequestId == request.RequestId, Timeout);

        await Host.Publish(request);
        var chunks = await Host.Reply(request.RequestId, Timeout);

        var done = Assert.Single(chunks);
        Assert.Equal("cancelled", done.Error);
        Assert.Equal(0, done.Tokens);
    }

    async Task<List<ReplyChunk>> Reply(ModelSpec model, IReadOnlyList<ChatTurn> turns, SamplingParameters sampling)
    {
        var request = new GenerateReply(Guid.NewGuid(), model, turns, sampling);
        await Host.Publish(request);
        return await Host.Reply(request.RequestId, Timeout);
    }

    static string Text(IEnumerable<ReplyChunk> chunks) => string.Concat(chunks.Select(c => c.Text));
}
