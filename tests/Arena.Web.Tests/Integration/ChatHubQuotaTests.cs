using Arena.Contracts.Chat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Arena.Web.Tests.Integration;

/// <summary>The app with a small anonymous token budget (100 a minute), so the hub's limit is reached in one reply.</summary>
public sealed class TightChatAppFactory : ArenaAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Arena:Chat:MaxTokensPerMinutePerAddress", "100");
    }
}

/// <summary>The chat hub (API clients) is held to the same per-address token budget as the pages (ChatQuota): one
/// reply from the real worker uses part of the minute's budget, and the next ask that would overshoot it is refused
/// with a message, before any worker is asked.</summary>
[Collection("platform")]
public sealed class ChatHubQuotaTests(TightChatAppFactory app) : IClassFixture<TightChatAppFactory>
{
    [Fact]
    public async Task AnAnonymousHubClientGetsItsMinutesTokensAndThenAClearRefusal()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/chat"), o => o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler())
            .Build();
        await hub.StartAsync();
        List<ChatTurn> turns = [new("user", "Tell me about the sea.")];

        var tooMuch = await Assert.ThrowsAsync<HubException>(() => Read(hub, turns, maxTokens: 101));
        Assert.Contains("at most 100 tokens a minute", tooMuch.Message);

        var reply = await Read(hub, turns, maxTokens: 100);
        Assert.NotEmpty(reply);

        var refused = await Assert.ThrowsAsync<HubException>(() => Read(hub, turns, maxTokens: 100));
        Assert.Matches(@"You have used \d+ of your 100 tokens this minute; try again in \d+ s", refused.Message);
    }

    static async Task<string> Read(HubConnection hub, List<ChatTurn> turns, int maxTokens)
    {
        var text = "";
        await foreach (var piece in hub.StreamAsync<string>("Stream", StarterId(), turns, new SamplingParameters { MaxTokens = maxTokens, Seed = 1 }))
            text += piece;
        return text;
    }

    static Guid StarterId() => Arena.Core.Models.ModelCatalog.BaseModelId("starter");
}
