using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Records a worker's start report (the journal is idempotent) and tells the job's watchers.</summary>
public sealed class BakeJobStartedConsumer(IBakeJournal journal, JobUpdateBroadcaster broadcaster) : IConsumer<BakeJobStarted>
{
    public async Task Consume(ConsumeContext<BakeJobStarted> context)
    {
        var m = context.Message;
        await journal.Started(m.JobId, m.Attempt, m.Worker, m.At, context.CancellationToken);
        await broadcaster.Broadcast(JobUpdate.From(m));
    }
}
