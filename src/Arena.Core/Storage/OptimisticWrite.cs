using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging;

namespace Arena.Core.Storage;

/// <summary>
/// The read-decide-save loop of every write that several writers share (streams through <see cref="StreamAppender"/>,
/// sign-in counters in <see cref="Accounts.LoginThrottle"/>): each attempt reads in a fresh session, the caller
/// decides on what it read, and the save checks that nothing changed meanwhile (Marten's expected versions, optimistic
/// document versions, unique ids). A writer that lost the race decides again on the state that won.
/// </summary>
public static class OptimisticWrite
{
    public const int Attempts = 12;

    /// <param name="decide">Reads and changes the session; runs again from scratch after a conflict, so it must have no
    /// effects outside the session. A <see cref="DomainException"/> it throws is passed on unretried.</param>
    public static async Task<T> Run<T>(this IDocumentStore store, Func<IDocumentSession, Task<T>> decide,
        CancellationToken ct = default, ILogger? log = null, string what = "a shared record")
    {
        for (int attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var result = await decide(session);
            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception e) when (IsConflict(e))
            {
                if (attempt == Attempts)
                    throw new DomainException(DomainError.Conflict, "this changed too often at once to record the change; try again");
                log?.LogDebug("write conflict on {What} (attempt {Attempt}); deciding again", what, attempt);
                // A little jitter spreads several losers' retries instead of letting them collide again.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    /// <summary>Another writer got there first: Marten reports a stale expected version as a ConcurrencyException or
    /// EventStreamUnexpectedMaxEventIdException and an insert of an id that now exists as DocumentAlreadyExistsException;
    /// PostgreSQL reports two inserts of the same next stream version as a unique violation on (stream, version).</summary>
    public static bool IsConflict(Exception e) =>
        e is JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException or JasperFx.DocumentAlreadyExistsException
        || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || (e.InnerException is { } inner && IsConflict(inner));
}
