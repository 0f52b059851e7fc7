namespace Arena.Evaluation.Running;

/// <summary>
/// Reports on the reporting thread, in order. <see cref="Progress{T}"/> posts each report to the thread pool, so a
/// progress bar or a throttled publisher could see them late or out of order.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
