using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using MassTransit;

namespace Arena.Web.Bus;

public sealed class BakeJobCancelledConsumer(IBakeJournal journal, JobUpdateBroadcaster broadcaster) : IConsumer<BakeJobCancelled>
{
    public async Task Consume(ConsumeContext<BakeJobCancelled> context)
    {
        var m = context.Message;
        await journal.Cancelled(m.JobId, m.Attempt, "worker", m.At, context.CancellationToken);
        await broadcaster.Broadcast(JobUpdate.From(m));
    }
}
