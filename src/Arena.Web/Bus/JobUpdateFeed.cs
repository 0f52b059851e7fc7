using System.Collections.Concurrent;

namespace Arena.Web.Bus;

/// <summary>
/// In-process fan-out of job updates to the Blazor components of this replica (a singleton). Callbacks run on the
/// publisher's thread: components marshal onto their own dispatcher (InvokeAsync). A failing subscriber does not
/// stop the others.
/// </summary>
public sealed class JobUpdateFeed(ILogger<JobUpdateFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _byJob = new();

    public IDisposable Subscribe(Guid jobId, Func<JobUpdate, Task> callback)
    {
        var subscription = new Subscription(this, jobId, callback);
        _byJob.AddOrUpdate(jobId, _ => new([subscription]), (_, s) => new([.. s.Items, subscription]));
        return subscription;
    }

    public async Task Publish(JobUpdate update)
    {
        if (!_byJob.TryGetValue(update.JobId, out var subscribers)) return;
        foreach (var s in subscribers.Items)
        {
            try { await s.Callback(update); }
            catch (Exception e) { logger.LogWarning(e, "A subscriber to job {JobId} failed", update.JobId); }
        }
    }

    public int SubscriberCount(Guid jobId) => _byJob.TryGetValue(jobId, out var s) ? s.Items.Length : 0;

    private void Remove(Subscription subscription)
    {
        while (_byJob.TryGetValue(subscription.JobId, out var current))
        {
            var rest = current.Items.Where(s => s != subscription).ToArray();
            var done = rest.Length == 0
                ? _byJob.TryRemove(new KeyValuePair<Guid, ImmutableSubscribers>(subscription.JobId, current))
                : _byJob.TryUpdate(subscription.JobId, new(rest), current);
            if (done) return;
        }
    }

    private sealed record ImmutableSubscribers(Subscription[] Items);

    private sealed class Subscription(JobUpdateFeed feed, Guid jobId, Func<JobUpdate, Task> callback) : IDisposable
    {
        private int _disposed;
        public Guid JobId { get; } = jobId;
        public Func<JobUpdate, Task> Callback { get; } = callback;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) feed.Remove(this);
        }
    }
}
