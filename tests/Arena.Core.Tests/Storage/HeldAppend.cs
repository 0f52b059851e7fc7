using Arena.Testing;
using Marten;
using Marten.Services;
using Npgsql;

namespace Arena.Core.Tests.Storage;

/// <summary>
/// An append to a stream written inside a transaction the test holds open: a second writer that appends to the same
/// stream meanwhile has to wait on this one's row locks, and fails or retries once the test commits. That makes two
/// appends collide on purpose, every time, in the order the test chooses: PostgreSQL does the ordering, not timing.
/// </summary>
public sealed class HeldAppend : IAsyncDisposable
{
    readonly NpgsqlConnection _connection;
    readonly NpgsqlTransaction _transaction;
    readonly IDocumentSession _session;

    HeldAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentSession session) =>
        (_connection, _transaction, _session) = (connection, transaction, session);

    /// <summary>Appends <paramref name="events"/> (written, not committed) and returns with the transaction open.</summary>
    public static async Task<HeldAppend> Start<TView>(IDocumentStore store, Guid streamId, params object[] events) where TView : class
    {
        var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var stream = await session.Events.FetchForWriting<TView>(streamId);
        stream.AppendMany(events);
        await session.SaveChangesAsync();
        return new HeldAppend(connection, transaction, session);
    }

    /// <summary>Returns once PostgreSQL reports <paramref name="writer"/>'s backend waiting on this transaction's
    /// locks. Fails if the writer finishes first: then the two appends did not collide and the test proves nothing.</summary>
    public async Task WaitUntilBlocking(Task writer, TimeSpan? patience = null)
    {
        await using var probe = new NpgsqlConnection(TestDatabase.ConnectionString);
        await probe.OpenAsync();
        await using var query = new NpgsqlCommand("select count(*) from pg_stat_activity where @held = any(pg_blocking_pids(pid))", probe);
        query.Parameters.AddWithValue("held", _connection.ProcessID);
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            if (writer.IsCompleted)
            {
                await writer;   // its own exception, if it failed without waiting, says more than ours
                throw new InvalidOperationException("the second writer finished without waiting for the held append: no collision");
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the second writer never waited on the held append");
            // A poll of the server's lock table: the wait ends on what PostgreSQL reports, not on a guessed delay.
            await Task.WhenAny(writer, Task.Delay(5));
        }
    }

    public Task Commit() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
