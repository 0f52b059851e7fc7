using Arena.Contracts.Evaluations;
using Arena.Core.Evaluations;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>
/// Records what workers report about evaluation jobs (the journal ignores reports about finished jobs) and tells the
/// pages watching the job on this replica. Every replica hears every report, as for bakes.
/// </summary>
public sealed class EvaluationJobConsumer(IEvaluationJournal journal, JobUpdateFeed feed) :
    IConsumer<EvaluationJobStarted>, IConsumer<EvaluationJobHeartbeat>, IConsumer<EvaluationJobProgress>, IConsumer<EvaluationJobSucceeded>,
    IConsumer<EvaluationJobFailed>, IConsumer<EvaluationJobCancelled>
{
    public async Task Consume(ConsumeContext<EvaluationJobStarted> context)
    {
        await journal.Started(context.Message.JobId, context.Message.At, context.CancellationToken);
        await feed.Publish(new JobUpdate(context.Message.JobId, JobUpdateKind.Started, context.Message.At));
    }

    public Task Consume(ConsumeContext<EvaluationJobHeartbeat> context) =>
        journal.Renewed(context.Message.JobId, context.Message.At, context.CancellationToken);

    public async Task Consume(ConsumeContext<EvaluationJobProgress> context)
    {
        var m = context.Message;
        await journal.Progressed(m.JobId, m.Done, m.Total, context.CancellationToken);
        await feed.Publish(new JobUpdate(m.JobId, JobUpdateKind.Progress, m.At, Phase: "evaluating", Step: m.Done, TotalSteps: m.Total));
    }

    public async Task Consume(ConsumeContext<EvaluationJobSucceeded> context)
    {
        await journal.Succeeded(context.Message.JobId, context.Message.ResultJson, context.Message.At, context.CancellationToken);
        await feed.Publish(new JobUpdate(context.Message.JobId, JobUpdateKind.Completed, context.Message.At));
    }

    public async Task Consume(ConsumeContext<EvaluationJobFailed> context)
    {
        await journal.Failed(context.Message.JobId, context.Message.Reason, context.Message.At, context.CancellationToken);
        await feed.Publish(new JobUpdate(context.Message.JobId, JobUpdateKind.Failed, context.Message.At, FailureReason: context.Message.Reason));
    }

    public async Task Consume(ConsumeContext<EvaluationJobCancelled> context)
    {
        await journal.Cancelled(context.Message.JobId, context.Message.PartialResultJson, context.Message.At, context.CancellationToken);
        await feed.Publish(new JobUpdate(context.Message.JobId, JobUpdateKind.Cancelled, context.Message.At));
    }
}
