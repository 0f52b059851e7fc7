using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Records the finished bake (the journal creates the baked model in the same transaction) and tells the
/// watchers. Every replica hears the report and journals it; only the first gets the new model's id back, so the
/// others broadcast without it and job pages re-read the job on any terminal update.</summary>
public sealed class BakeJobSucceededConsumer(IBakeJournal journal, JobUpdateBroadcaster broadcaster) : IConsumer<BakeJobSucceeded>
{
    public async Task Consume(ConsumeContext<BakeJobSucceeded> context)
    {
        var m = context.Message;
        var modelId = await journal.Completed(m.JobId, m.Attempt, m.AdapterPath, m.KlBefore, m.KlAfter, m.Seconds,
            m.SamplingTokensPerSecond, m.TrainingTokensPerSecond, m.At, m.ReportCard, context.CancellationToken);
        await broadcaster.Broadcast(JobUpdate.From(m, modelId));
    }
}
