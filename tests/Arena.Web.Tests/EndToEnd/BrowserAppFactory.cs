using System.Net;
using System.Net.Sockets;
using Arena.Web.Tests.Integration;
using Microsoft.AspNetCore.Hosting;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>The app on a real loopback port (Kestrel), so a real browser can reach it.</summary>
public class BrowserAppFactory : ArenaAppFactory
{
    public BrowserAppFactory()
    {
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, BaseUrl);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
