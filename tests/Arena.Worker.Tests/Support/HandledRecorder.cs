using MassTransit;

namespace Arena.Worker.Tests.Support;

/// <summary>
/// Records each message once a consumer has finished handling it (MassTransit's post-consume), so a test can order
/// itself by what the worker has done, e.g. wait until a cancel has landed before sending the job it cancels.
/// </summary>
public sealed class HandledRecorder : IConsumeObserver
{
    public MessageLog Log { get; } = new();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Log.Add(context.Message);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
