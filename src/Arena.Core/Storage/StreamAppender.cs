using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging;

namespace Arena.Core.Storage;

/// <summary>
/// The one way to append to an event stream that several writers share (a bake job: the owner's cancel, the worker's
/// reports on every web replica; a battle: votes, turns and replies from several tabs).
/// </summary>
/// <remarks>
/// Why optimistic retry of the whole read-decide-append, rather than the alternatives:
/// <list type="bullet">
/// <item>A plain <c>Events.Append</c> fails when another writer takes the next version between Marten's read of the
/// stream version and its insert (issue 30: Cancel against a progress report).</item>
/// <item><c>FetchForExclusiveWriting</c> would serialise writers behind a lock held while the caller decides (a
/// completion loads the parent model meanwhile), and only protects writers that all take it.</item>
/// <item>A single writer per job cannot hold across web replicas, each of which hears every report.</item>
/// </list>
/// Here each attempt reads the stream's current state in a fresh session (<c>FetchForWriting</c>), lets the caller
/// decide on that state, and saves with the version it read as the expected one. A writer that lost the race
/// decides again on the state that won, so a cancel that meets a completion ends in exactly one outcome: whichever
/// committed first, with the other seeing a finished job.
/// </remarks>
public static class StreamAppender
{
    /// <param name="decide">Reads <c>stream.Aggregate</c> (null for an unknown stream), appends zero or more events
    /// and may add documents to the session; runs again from scratch after a conflict (<see cref="OptimisticWrite"/>),
    /// so it must not have effects outside the session. A <see cref="DomainException"/> it throws is passed on unretried.</param>
    public static Task<T> Append<TView, T>(this IDocumentStore store, Guid streamId,
        Func<IEventStream<TView>, IDocumentSession, Task<T>> decide, CancellationToken ct = default, ILogger? log = null)
        where TView : class
    {
        // Marten refuses an empty stream id outright; no stream ever has one, so it names nothing.
        if (streamId == Guid.Empty) throw new DomainException(DomainError.NotFound, "nothing has an empty id");
        return store.Run(async session => await decide(await session.Events.FetchForWriting<TView>(streamId, ct), session),
            ct, log, $"stream {streamId}");
    }

    public static Task Append<TView>(this IDocumentStore store, Guid streamId,
        Func<IEventStream<TView>, IDocumentSession, Task> decide, CancellationToken ct = default, ILogger? log = null)
        where TView : class =>
        store.Append<TView, bool>(streamId, async (stream, session) => { await decide(stream, session); return true; }, ct, log);
}
