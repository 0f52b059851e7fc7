using Arena.Contracts.Chat;
using Arena.Worker.Chat;
using Arena.Worker.Hosting;

namespace Arena.Worker.Tests.Chat;

public sealed class ChatRequestMapperTests
{
    [Fact]
    public void RolesAreNormalisedAndKept()
    {
        var messages = ChatRequestMapper.Conversation([new("System", "Be brief."), new("user", "Hi")]);

        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
    }

    [Fact]
    public void EmptyConversationIsRefused() =>
        Assert.Throws<InvalidRequestException>(() => ChatRequestMapper.Conversation([]));

    [Fact]
    public void UnknownRoleIsRefusedNamingIt()
    {
        var e = Assert.Throws<InvalidRequestException>(() => ChatRequestMapper.Conversation([new("tool", "x"), new("user", "Hi")]));
        Assert.Contains("'tool'", e.Message);
    }

    [Theory]
    [InlineData(0, 0.7, 0.9, "max tokens")]
    [InlineData(1025, 0.7, 0.9, "max tokens")]
    [InlineData(16, -0.1, 0.9, "temperature")]
    [InlineData(16, 4.5, 0.9, "temperature")]
    [InlineData(16, double.NaN, 0.9, "temperature")]
    [InlineData(16, 0.7, 0, "top-p")]
    [InlineData(16, 0.7, 1.1, "top-p")]
    public void SamplingOutOfBoundsIsRefusedNamingTheSetting(int maxTokens, double temperature, double topP, string named)
    {
        var p = new SamplingParameters { MaxTokens = maxTokens, Temperature = temperature, TopP = topP };
        var e = Assert.Throws<InvalidRequestException>(() => ChatRequestMapper.Sampling(p));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void SamplingIsMappedAsSent()
    {
        var o = ChatRequestMapper.Sampling(new SamplingParameters { MaxTokens = 1024, Temperature = 0, TopP = 1, Seed = 9 });

        Assert.Equal((1024, 0.0, 1.0, 9L), (o.MaxNewTokens, o.Temperature, o.TopP, o.Seed!.Value));
    }
}
