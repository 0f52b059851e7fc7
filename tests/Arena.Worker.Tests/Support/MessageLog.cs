namespace Arena.Worker.Tests.Support;

/// <summary>Every event the worker published, in arrival order, with a way to wait for one.</summary>
public sealed class MessageLog
{
    readonly Lock sync = new();
    readonly List<object> messages = [];
    TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(object message)
    {
        TaskCompletionSource signal;
        lock (sync)
        {
            messages.Add(message);
            signal = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.SetResult();
    }

    public List<T> All<T>(Func<T, bool>? filter = null)
    {
        lock (sync) return messages.OfType<T>().Where(m => filter?.Invoke(m) ?? true).ToList();
    }

    public async Task<T> WaitFor<T>(Func<T, bool> filter, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (sync)
            {
                var found = messages.OfType<T>().FirstOrDefault(filter);
                if (found is not null) return found;
                next = changed.Task;
            }
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {typeof(T).Name} within {timeout.TotalSeconds} s; saw: {string.Join(", ", Snapshot())}");
            }
        }
    }

    IEnumerable<string> Snapshot()
    {
        lock (sync) return messages.Select(m => m.ToString() ?? "").TakeLast(10).ToList();
    }
}
