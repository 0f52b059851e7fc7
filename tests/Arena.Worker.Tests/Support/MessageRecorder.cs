using Arena.Contracts.Bakes;
using Arena.Contracts.Chat;
using MassTransit;

namespace Arena.Worker.Tests.Support;

/// <summary>Subscribes to the worker's events, as the web app would, and records them in the <see cref="MessageLog"/>.</summary>
public sealed class MessageRecorder(MessageLog log) :
    IConsumer<BakeJobStarted>, IConsumer<BakeJobProgress>, IConsumer<BakeJobSucceeded>, IConsumer<BakeJobFailed>,
    IConsumer<BakeJobCancelled>, IConsumer<BakeJobHeartbeat>, IConsumer<ReplyChunk>
{
    public Task Consume(ConsumeContext<BakeJobStarted> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobProgress> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobSucceeded> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobFailed> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobCancelled> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobHeartbeat> context) => Record(context.Message);
    public Task Consume(ConsumeContext<ReplyChunk> context) => Record(context.Message);

    Task Record(object message)
    {
        log.Add(message);
        return Task.CompletedTask;
    }
}
