namespace Arena.Cli;

/// <summary>
/// Reports progress on the caller's thread, in order. <see cref="Progress{T}"/> posts to the thread pool instead,
/// and a progress bar wants its updates in the order they happened.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
