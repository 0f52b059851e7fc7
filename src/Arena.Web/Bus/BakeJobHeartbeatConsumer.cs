using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Renews the job's lease; nothing for job pages to show.</summary>
public sealed class BakeJobHeartbeatConsumer(IBakeJournal journal) : IConsumer<BakeJobHeartbeat>
{
    public Task Consume(ConsumeContext<BakeJobHeartbeat> context)
    {
        var m = context.Message;
        return journal.Renewed(m.JobId, m.Attempt, m.Worker, m.At, context.CancellationToken);
    }
}
