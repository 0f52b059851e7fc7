namespace Arena.Worker.Cancellation;

/// <summary>
/// Running jobs by id, so a cancel message arriving at this instance can stop one. A cancel for an id not (yet)
/// running here is remembered, in a bounded first-in-first-out set: the cancel may overtake its job on the bus, and
/// every instance receives every cancel, so most of them are for jobs that run elsewhere.
/// </summary>
public abstract class CancellationRegistry
{
    const int RememberedCancels = 4096;

    readonly Lock sync = new();
    readonly Dictionary<Guid, CancellationTokenSource> running = [];
    readonly HashSet<Guid> cancelledEarly = [];
    readonly Queue<Guid> cancelledOrder = new();

    /// <summary>The job's token while it runs (dispose the registration when done), or null if it was already cancelled.</summary>
    public Registration? Register(Guid id)
    {
        lock (sync)
        {
            if (cancelledEarly.Contains(id)) return null;
            var source = new CancellationTokenSource();
            // A redelivered job replaces a stale entry; the stale one's holder still disposes its own source.
            running[id] = source;
            return new Registration(this, id, source);
        }
    }

    /// <summary>Cancels the job if it runs here; otherwise remembers the id so the job is skipped if it arrives later.</summary>
    public bool Cancel(Guid id)
    {
        CancellationTokenSource? source;
        lock (sync)
        {
            if (!running.TryGetValue(id, out source)) Remember(id);
        }
        if (source is null) return false;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job ended between the lookup and the cancel: nothing left to stop.
        }
        return true;
    }

    public bool IsRunning(Guid id)
    {
        lock (sync) return running.ContainsKey(id);
    }

    void Remember(Guid id)
    {
        if (!cancelledEarly.Add(id)) return;
        cancelledOrder.Enqueue(id);
        if (cancelledOrder.Count > RememberedCancels) cancelledEarly.Remove(cancelledOrder.Dequeue());
    }

    void Unregister(Guid id, CancellationTokenSource source)
    {
        lock (sync)
        {
            if (running.TryGetValue(id, out var current) && current == source) running.Remove(id);
            // A job cancelled while running stays cancelled: a redelivery of it must not start again.
            if (source.IsCancellationRequested) Remember(id);
        }
        source.Dispose();
    }

    public sealed class Registration(CancellationRegistry owner, Guid id, CancellationTokenSource source) : IDisposable
    {
        int disposed;

        public CancellationToken Token { get; } = source.Token;

        public bool IsCancellationRequested => Token.IsCancellationRequested;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Unregister(id, source);
        }
    }
}
