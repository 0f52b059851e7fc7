using Arena.Contracts.Bakes;
using Arena.Contracts.Chat;
using Arena.Contracts.Evaluations;
using MassTransit;

namespace Arena.Worker.Tests.Support;

/// <summary>Subscribes to the worker's events, as the web app would, and records them in the <see cref="MessageLog"/>.</summary>
public sealed class MessageRecorder(MessageLog log) :
    IConsumer<BakeJobStarted>, IConsumer<BakeJobProgress>, IConsumer<BakeJobSucceeded>, IConsumer<BakeJobFailed>,
    IConsumer<BakeJobCancelled>, IConsumer<BakeJobHeartbeat>, IConsumer<ReplyChunk>,
    IConsumer<EvaluationJobStarted>, IConsumer<EvaluationJobHeartbeat>, IConsumer<EvaluationJobProgress>, IConsumer<EvaluationJobSucceeded>,
    IConsumer<EvaluationJobFailed>, IConsumer<EvaluationJobCancelled>
{
    public Task Consume(ConsumeContext<BakeJobStarted> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobProgress> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobSucceeded> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobFailed> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobCancelled> context) => Record(context.Message);
    public Task Consume(ConsumeContext<BakeJobHeartbeat> context) => Record(context.Message);
    public Task Consume(ConsumeContext<ReplyChunk> context) => Record(context.Message);
    public Task Consume(ConsumeContext<EvaluationJobStarted> context) => Record(context.Message);
    public Task Consume(ConsumeContext<EvaluationJobProgress> context) => Record(context.Message);
    public Task Consume(ConsumeContext<EvaluationJobHeartbeat> context) => Record(context.Message);
    public Task Consume(ConsumeContext<EvaluationJobSucceeded> context) => Record(context.Message);
    public Task Consume(ConsumeContext<EvaluationJobFailed> context) => Record(context.Message);
    public Task Consume(ConsumeContext<EvaluationJobCancelled> context) => Record(context.Message);

    Task Record(object message)
    {
        log.Add(message);
        return Task.CompletedTask;
    }
}
