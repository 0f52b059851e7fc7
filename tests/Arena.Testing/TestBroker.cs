using System.Diagnostics;
using System.Net.Sockets;

namespace Arena.Testing;

/// <summary>
/// The real RabbitMQ broker the transport tests run against. infra/test.sh starts the project's own node
/// (infra/rabbitmq.sh) and exports ARENA_TEST_RABBITMQ=host:port; run from an IDE, this starts it the same way. No
/// broker is a failure, not a skip. Each test gets a virtual host of its own, so queues never leak between tests.
/// </summary>
public static class TestBroker
{
    static readonly Lazy<(string Host, int Port)> Endpoint = new(Resolve);

    public static string Host => Endpoint.Value.Host;
    public static int Port => Endpoint.Value.Port;

    /// <summary>A fresh virtual host that guest may use; remove it with <see cref="DeleteVirtualHost"/>.</summary>
    public static string NewVirtualHost(string prefix = "t")
    {
        _ = Endpoint.Value;
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(48, prefix.Length + 33)];
        Script("vhost", name);
        return name;
    }

    public static void DeleteVirtualHost(string name) => Script("rmvhost", name);

    static (string, int) Resolve()
    {
        var endpoint = Environment.GetEnvironmentVariable("ARENA_TEST_RABBITMQ");
        if (string.IsNullOrWhiteSpace(endpoint)) endpoint = Script("start").Trim().Split('\n')[^1];
        var (host, port) = endpoint.Split(':') is [var h, var p] && int.TryParse(p, out var n)
            ? (h, n) : throw new InvalidOperationException($"ARENA_TEST_RABBITMQ must be host:port, got '{endpoint}'");
        using var probe = new TcpClient();
        probe.Connect(host, port);   // fail here, clearly, if the broker is not there
        return (host, port);
    }

    static string Script(params string[] args)
    {
        var script = Path.Combine(RepoPaths.Root, "infra", "rabbitmq.sh");
        var psi = new ProcessStartInfo("bash", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed: {error.Result}");
        return output;
    }
}
