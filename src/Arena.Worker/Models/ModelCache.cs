using Arena.Engine;
using Arena.Contracts.Models;
using Arena.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Models;

/// <summary>
/// Loaded models for chat, keyed by <see cref="ModelSpec.CacheKey"/>, least recently used evicted beyond
/// <see cref="WorkerOptions.ModelCacheSize"/>. A lease gives one caller the model at a time: TorchSharp modules and
/// KV caches are not meant for concurrent use. An evicted model still leased is disposed when its last lease ends.
/// Bakes do not use this cache: they attach a training adapter, which would leak into chat.
/// </summary>
public sealed class ModelCache(ModelSpecLoader loader, IOptions<WorkerOptions> options, ILogger<ModelCache> log) : IDisposable
{
    readonly Lock sync = new();
    readonly Dictionary<string, Entry> entries = [];
    readonly LinkedList<Entry> recency = [];   // most recent first
    bool disposed;

    public int Count { get { lock (sync) return entries.Count; } }

    /// <summary>Waits for the model (loading it if needed) and for exclusive use of it. Dispose the lease to release it.</summary>
    public async Task<ModelLease> Acquire(ModelSpec spec, CancellationToken ct)
    {
        Entry entry;
        List<Entry> evicted;
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (entries.TryGetValue(spec.CacheKey, out var found))
            {
                entry = found;
                recency.Remove(entry.Node);
            }
            else
            {
                entry = new Entry(spec.CacheKey, Task.Run(() => loader.Load(spec), CancellationToken.None));
                entries[entry.Key] = entry;
                log.LogInformation("Loading model {Key}", entry.Key);
            }
            recency.AddFirst(entry.Node);
            entry.Leases++;
            evicted = EvictBeyondCapacity();
        }
        foreach (var e in evicted) DisposeIfUnused(e);

        try
        {
            var model = await entry.Model.WaitAsync(ct);
            await entry.Gate.WaitAsync(ct);
            return new ModelLease(model, () => { entry.Gate.Release(); Release(entry); });
        }
        catch (Exception e)
        {
            // A failed load is not cached: the adapter may be written, or the fault fixed, before the next request.
            if (entry.Model.IsFaulted) Forget(entry);
            Release(entry);
            if (e is not OperationCanceledException) log.LogDebug(e, "Model {Key} unavailable", entry.Key);
            throw;
        }
    }

    List<Entry> EvictBeyondCapacity()
    {
        var evicted = new List<Entry>();
        while (entries.Count > Math.Max(1, options.Value.ModelCacheSize))
        {
            var oldest = recency.Last!.Value;
            recency.RemoveLast();
            entries.Remove(oldest.Key);
            oldest.Evicted = true;
            evicted.Add(oldest);
            log.LogInformation("Evicting model {Key}", oldest.Key);
        }
        return evicted;
    }

    void Forget(Entry entry)
    {
        lock (sync)
        {
            if (entries.TryGetValue(entry.Key, out var current) && current == entry)
            {
                entries.Remove(entry.Key);
                recency.Remove(entry.Node);
            }
            entry.Evicted = true;
        }
    }

    void Release(Entry entry)
    {
        lock (sync) entry.Leases--;
        DisposeIfUnused(entry);
    }

    void DisposeIfUnused(Entry entry)
    {
        lock (sync)
        {
            if (!entry.Evicted || entry.Leases > 0 || entry.Disposed) return;
            entry.Disposed = true;
        }
        if (entry.Model.IsCompletedSuccessfully) entry.Model.Result.Dispose();
        entry.Gate.Dispose();
    }

    public void Dispose()
    {
        List<Entry> all;
        lock (sync)
        {
            disposed = true;
            all = [.. entries.Values];
            foreach (var e in all) e.Evicted = true;
            entries.Clear();
            recency.Clear();
        }
        foreach (var e in all) DisposeIfUnused(e);
    }

    sealed class Entry
    {
        public Entry(string key, Task<ModelStack> model)
        {
            Key = key;
            Model = model;
            Node = new LinkedListNode<Entry>(this);
        }

        public string Key { get; }
        public Task<ModelStack> Model { get; }
        public LinkedListNode<Entry> Node { get; }
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Leases { get; set; }
        public bool Evicted { get; set; }
        public bool Disposed { get; set; }
    }
}
