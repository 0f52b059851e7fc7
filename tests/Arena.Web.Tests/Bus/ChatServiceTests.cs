using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Battles;
using Arena.Web.Bus;
using Arena.Web.Chat;
using Arena.Web.Hosting;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Bus;

/// <summary>ChatService over MassTransit's in-memory test harness, with a scripted worker that answers GenerateReply.</summary>
public sealed class ChatServiceTests : IAsyncLifetime
{
    private static readonly ArenaModel Model = new() { Id = Guid.NewGuid(), Name = "starter", OwnerName = "arena", BaseModel = "starter" };
    private static readonly ChatTurn[] Hello = [new("user", "Hello")];
    private static readonly Judge Anonymous = new(Viewer.Anonymous, "ip-a", "address-a");
    private readonly ReplyScript _script = new();
    private ServiceProvider _services = default!;
    private ITestHarness _harness = default!;

    /// <summary>What the scripted worker sends for each request (RequestId filled in); one per test, in its own container.</summary>
    public sealed class ReplyScript
    {
        public Func<Guid, ReplyChunk[]> Chunks { get; set; } = _ => [];
    }

    public sealed class ScriptedWorker(ReplyScript script) : IConsumer<GenerateReply>
    {
        public async Task Consume(ConsumeContext<GenerateReply> context)
        {
            foreach (var chunk in script.Chunks(context.Message.RequestId)) await context.Publish(chunk);
        }
    }

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .Configure<ArenaOptions>(o =>
            {
                o.Chat.ChunkTimeout = TimeSpan.FromMilliseconds(500);
                o.ModelsPath = Arena.Testing.RepoPaths.Models;   // the starter's config.json: a context of 512 tokens
            })
            .AddSingleton<ReplyStreams>()
            .AddSingleton<ChatQuota>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ModelContexts>()
            .AddSingleton<WebInstance>()
            .AddSingleton<ChatService>()
            .AddSingleton(_script)
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<ReplyChunkConsumer, ReplyChunkConsumerDefinition>();
                x.AddConsumer<ScriptedWorker>();
            })
            .BuildServiceProvider(true);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
    }

    private ChatService Chat => _services.GetRequiredService<ChatService>();

    private Task<string> ReadAll(IReadOnlyList<ChatTurn> turns, CancellationToken ct = default) => ReadAll(turns, new SamplingParameters(), ct);

    private async Task<string> ReadAll(IReadOnlyList<ChatTurn> turns, SamplingParameters p, CancellationToken ct = default)
    {
        var text = "";
        await foreach (var piece in Chat.Stream(Model, turns, p, Anonymous, ct)) text += piece;
        return text;
    }

    [Fact]
    public async Task ChunksArriveInSequenceOrderEvenWhenSentOutOfOrder()
    {
        _script.Chunks = id => [new(id, 2, " there", false), new(id, 0, "Hi", false), new(id, 3, "!", true), new(id, 1, ",", false)];

        Assert.Equal("Hi, there!", await ReadAll(Hello));
        Assert.Equal(0, _services.GetRequiredService<ReplyStreams>().OpenCount);
    }

    [Fact]
    public async Task ARedeliveredChunkIsUsedOnce()
    {
        _script.Chunks = id => [new(id, 0, "Hi", false), new(id, 0, "Hi", false), new(id, 1, "!", true)];

        Assert.Equal("Hi!", await ReadAll(Hello));
    }

    [Fact]
    public async Task AWorkerErrorBecomesAFriendlyChatException()
    {
        _script.Chunks = id => [new(id, 0, "Hi", false), new(id, 1, "", true, "the model ran out of memory")];

        var e = await Assert.ThrowsAsync<ChatException>(() => ReadAll(Hello));
        Assert.Contains("the model ran out of memory", e.Message);
    }

    [Fact]
    public async Task SilenceTimesOutAndCancelsTheReply()
    {
        _script.Chunks = _ => [];

        var e = await Assert.ThrowsAsync<ChatException>(() => ReadAll(Hello));

        Assert.Contains("did not answer", e.Message);
        Assert.True(await _harness.Published.Any<CancelReply>());
    }

    [Fact]
    public async Task StoppingEarlyCancelsTheReply()
    {
        _script.Chunks = id => [new(id, 0, "Hi", false), new(id, 1, " there", false)];

        await foreach (var _ in Chat.Stream(Model, Hello, new SamplingParameters(), Anonymous))
            break;

        Assert.True(await _harness.Published.Any<CancelReply>());
    }

    [Fact]
    public async Task TheRequestCarriesTheModelSpecAndTurns()
    {
        _script.Chunks = id => [new(id, 0, "ok", true)];

        await ReadAll([new("system", "Be brief."), .. Hello]);

        var sent = (await _harness.Published.SelectAsync<GenerateReply>().First()).Context.Message;
        Assert.Equal("starter", sent.Model.BaseModel);
        Assert.Equal(["system", "user"], sent.Messages.Select(t => t.Role));
        Assert.False(await _harness.Published.Any<CancelReply>());
    }

    [Fact]
    public async Task BadRequestsAreRefusedBeforeAnythingIsSent()
    {
        await Assert.ThrowsAsync<DomainException>(() => ReadAll([]));
        await Assert.ThrowsAsync<DomainException>(() => ReadAll([new("wizard", "hi")]));
        Assert.False(await _harness.Published.Any<GenerateReply>());
    }

    [Fact]
    public async Task AThirdConcurrentStreamFromOneAddressIsRefusedWhileAnotherAddressIsServed()
    {
        // The worker answers "Hi" and never finishes: a reply stays open until its reader stops.
        _script.Chunks = id => [new(id, 0, "Hi", false)];
        var other = new Judge(Viewer.Anonymous, "ip-b", "address-b");
        var quota = _services.GetRequiredService<ChatQuota>();

        await using var first = Chat.Stream(Model, Hello, new SamplingParameters(), Anonymous).GetAsyncEnumerator();
        await using var second = Chat.Stream(Model, Hello, new SamplingParameters(), Anonymous).GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync());
        Assert.True(await second.MoveNextAsync());   // both streaming, neither finished
        Assert.Equal(2, quota.Streaming("ip:address-a"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => ReadAll(Hello));
        Assert.Equal(DomainError.QuotaExceeded, refused.Error);
        Assert.Contains("2 replies streaming; wait for one to finish", refused.Message);

        await using var others = Chat.Stream(Model, Hello, new SamplingParameters(), other).GetAsyncEnumerator();
        Assert.True(await others.MoveNextAsync());
        Assert.Equal("Hi", others.Current);

        // A stopped stream (its reader left) gives its slot back.
        await first.DisposeAsync();
        Assert.Equal(1, quota.Streaming("ip:address-a"));
        _script.Chunks = id => [new(id, 0, "Hi", true)];
        Assert.Equal("Hi", await ReadAll(Hello));
        Assert.Equal(1, quota.Streaming("ip:address-a"));
    }

    [Fact]
    public async Task MaxTokensBeyondWhatTheModelsContextLeavesIsRefusedBeforeAnyWorkerIsAsked()
    {
        var e = Assert.Throws<DomainException>(() => Chat.Stream(Model, Hello, new SamplingParameters { MaxTokens = 1024 }, Anonymous));
        Assert.Equal(DomainError.Invalid, e.Error);
        Assert.Contains("max tokens must be at most 384 for this model, whose context holds 512 tokens", e.Message);
        Assert.False(await _harness.Published.Any<GenerateReply>());

        _script.Chunks = id => [new(id, 0, "Hi", true)];
        Assert.Equal("Hi", await ReadAll(Hello, new SamplingParameters { MaxTokens = 384 }));
    }
}
