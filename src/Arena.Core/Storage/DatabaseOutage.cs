using System.Net.Sockets;
using Npgsql;

namespace Arena.Core.Storage;

/// <summary>
/// Tells an outage (PostgreSQL down, restarting or unreachable) from a bug. An outage is worth a message that says so
/// and a retry once the database is back; a bug is not. Marten wraps Npgsql's exceptions, so the whole chain is read.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What the API and the hubs answer during an outage.</summary>
    public const string Message = "The database is unavailable just now; try again in a minute.";

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            // IsTransient covers a refused or dropped connection, a timeout, and the server's "shutting down" and
            // "cannot connect now" (57P01, 57P03) answers.
            if (e is NpgsqlException { IsTransient: true } or SocketException) return true;
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }) return true;
        }
        return false;
    }
}
