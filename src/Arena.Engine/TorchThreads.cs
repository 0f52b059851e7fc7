using static TorchSharp.torch;

namespace Arena.Engine;

/// <summary>
/// libtorch's intra-op thread count is a per-OS-thread setting (OpenMP): set once on the main thread, it does not follow
/// work that continues on a thread-pool thread — after an await, in a message consumer, in the generator that yields
/// every token. On such a thread the same training step ran 1.25× (float32) to 1.4× (bf16) slower on the 2-core
/// machine (docs/benchmarks.md). So each compute loop applies the count on the thread it is running on, per step.
/// </summary>
public static class TorchThreads
{
    static int count = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Intra-op threads for every compute loop of the engine (default: the processors this process may use).</summary>
    public static int Count
    {
        get => count;
        set => count = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least one thread");
    }

    [ThreadStatic] static int applied;

    /// <summary>Applies <see cref="Count"/> to the calling thread (cheap when it is already applied there).</summary>
    public static void Apply()
    {
        if (applied == count) return;
        set_num_threads(count);
        applied = count;
    }
}
