using Arena.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace Arena.Worker.Tests.Hosting;

/// <summary>The broker settings the web app and the worker share: no silent guest/guest towards a remote broker.</summary>
public sealed class RabbitMqSettingsTests
{
    static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create($"Arena:RabbitMq:{p.Key}", (string?)p.Value))).Build();

    [Fact]
    public void ARemoteBrokerWithoutCredentialsStopsStartUpNamingTheSettings()
    {
        var e = Assert.Throws<InvalidOperationException>(() => RabbitMqSettings.From(Config(("Host", "rabbitmq"))));
        Assert.Contains("Arena:RabbitMq:User and Arena:RabbitMq:Password must be set for the broker at rabbitmq", e.Message);
        Assert.Throws<InvalidOperationException>(() => RabbitMqSettings.From(Config(("Host", "10.0.0.5"), ("User", "arena"))));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void ABrokerOnThisMachineMayUseRabbitMqsGuestAccount(string host)
    {
        var s = RabbitMqSettings.From(Config(("Host", host)));
        Assert.Equal(("guest", "guest"), (s.User, s.Password));
    }

    [Fact]
    public void SetValuesAreTakenAsGiven()
    {
        var s = RabbitMqSettings.From(Config(("Host", "mq.internal"), ("Port", "5673"), ("VirtualHost", "arena"), ("User", "arena"), ("Password", "s3cret-long")));
        Assert.Equal(new RabbitMqSettings("mq.internal", 5673, "arena", "arena", "s3cret-long"), s);
    }

    [Fact]
    public void APortOutOfRangeIsRefused() =>
        Assert.Contains("Port must be in 1..65535", Assert.Throws<InvalidOperationException>(() => RabbitMqSettings.From(Config(("Port", "70000")))).Message);
}
