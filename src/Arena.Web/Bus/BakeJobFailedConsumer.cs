using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using MassTransit;

namespace Arena.Web.Bus;

public sealed class BakeJobFailedConsumer(IBakeJournal journal, JobUpdateBroadcaster broadcaster) : IConsumer<BakeJobFailed>
{
    public async Task Consume(ConsumeContext<BakeJobFailed> context)
    {
        var m = context.Message;
        await journal.Failed(m.JobId, m.Attempt, m.Reason, m.At, context.CancellationToken);
        await broadcaster.Broadcast(JobUpdate.From(m));
    }
}
