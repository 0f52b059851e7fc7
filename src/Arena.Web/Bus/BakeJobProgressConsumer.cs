using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using MassTransit;

namespace Arena.Web.Bus;

public sealed class BakeJobProgressConsumer(IBakeJournal journal, JobUpdateBroadcaster broadcaster) : IConsumer<BakeJobProgress>
{
    public async Task Consume(ConsumeContext<BakeJobProgress> context)
    {
        var m = context.Message;
        await journal.Progressed(m.JobId, m.Attempt,
            new BakeProgressed(m.Phase, m.Step, m.TotalSteps, m.Kl, m.TokensPerSecond, m.EtaSeconds, m.Message, m.At),
            context.CancellationToken);
        await broadcaster.Broadcast(JobUpdate.From(m));
    }
}
