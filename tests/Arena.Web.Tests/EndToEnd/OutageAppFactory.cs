using Arena.Testing;
using Npgsql;

namespace Arena.Web.Tests.EndToEnd;

/// <summary>The app in a real browser's reach, talking to PostgreSQL through a <see cref="TcpRelay"/> the test can cut.</summary>
public sealed class OutageAppFactory : BrowserAppFactory
{
    public TcpRelay Database { get; }

    public OutageAppFactory()
    {
        var target = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        Database = new TcpRelay(target.Host!, target.Port);
    }

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString)
    {
        Host = "127.0.0.1",
        Port = Database.Port,
        // Fail fast while the database is away, as a refused connection does in production.
        Timeout = 3,
    }.ConnectionString;

    public override async ValueTask DisposeAsync()
    {
        Database.Restore();  // the schema is dropped through the real connection, but the app shuts down through the relay
        await base.DisposeAsync();
        Database.Dispose();
    }
}
