using System.Net;
using Microsoft.Extensions.Configuration;

namespace Arena.Worker.Hosting;

/// <summary>
/// Where the broker is and who we are to it (<c>Arena:RabbitMq:{Host,Port,VirtualHost,User,Password}</c>), read once
/// for the web app and the worker alike: both must meet on the same broker and virtual host.
/// RabbitMQ's own guest/guest account only works from loopback, so it is assumed only for a broker on this machine
/// (the tests' and a developer's); any other broker needs a user and password set, and a missing one stops start-up
/// with the setting's name rather than failing later with an authentication error.
/// </summary>
public sealed record RabbitMqSettings(string Host, ushort Port, string VirtualHost, string User, string Password)
{
    public static RabbitMqSettings From(IConfiguration config)
    {
        var section = config.GetSection("Arena:RabbitMq");
        var host = section["Host"] is { Length: > 0 } h ? h : "127.0.0.1";
        var port = section.GetValue<int?>("Port") ?? 5672;
        if (port is < 1 or > 65535) throw new InvalidOperationException($"Arena:RabbitMq:Port must be in 1..65535, got {port}");
        var virtualHost = section["VirtualHost"] is { Length: > 0 } v ? v : "/";
        var user = section["User"] is { Length: > 0 } u ? u : null;
        var password = section["Password"] is { Length: > 0 } p ? p : null;
        if (user is null || password is null)
        {
            if (!IsLoopback(host))
                throw new InvalidOperationException(
                    $"Arena:RabbitMq:User and Arena:RabbitMq:Password must be set for the broker at {host} (RabbitMQ's guest account only works on this machine)");
            (user, password) = (user ?? "guest", password ?? "guest");
        }
        return new RabbitMqSettings(host, (ushort)port, virtualHost, user, password);
    }

    static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
