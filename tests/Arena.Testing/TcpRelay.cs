using System.Net;
using System.Net.Sockets;

namespace Arena.Testing;

/// <summary>
/// A loopback TCP relay in front of a real server (PostgreSQL), so a test can make a real outage for one app and
/// end it: <see cref="Cut"/> drops every open connection and refuses new ones, <see cref="Restore"/> listens again on
/// the same port. The app sees exactly what it would see if its database went away and came back.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    readonly string _host;
    readonly int _targetPort;
    readonly Lock _gate = new();
    readonly List<TcpClient> _open = [];
    TcpListener? _listener;

    public TcpRelay(string host, int targetPort)
    {
        _host = host;
        _targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = Accept(listener);
        }
    }

    public void Cut()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var c in _open) c.Dispose();
            _open.Clear();
        }
    }

    async Task Accept(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException) { return; }
            var upstream = new TcpClient();
            try { await upstream.ConnectAsync(_host, _targetPort); }
            catch (SocketException) { client.Dispose(); upstream.Dispose(); continue; }
            lock (_gate)
            {
                if (_listener != listener) { client.Dispose(); upstream.Dispose(); return; }
                _open.Add(client);
                _open.Add(upstream);
            }
            _ = Pipe(client, upstream);
        }
    }

    async Task Pipe(TcpClient a, TcpClient b)
    {
        try
        {
            await Task.WhenAny(a.GetStream().CopyToAsync(b.GetStream()), b.GetStream().CopyToAsync(a.GetStream()));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        a.Dispose();
        b.Dispose();
        lock (_gate)
        {
            _open.Remove(a);
            _open.Remove(b);
        }
    }

    public void Dispose() => Cut();
}
