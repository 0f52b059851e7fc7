using Arena.Contracts.Bakes;
using Arena.Contracts.Models;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Worker.Hosting;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Hands requested bakes to the workers over the bus (RunBake) and asks them to stop (CancelBake).</summary>
/// <remarks>
/// A bake is sent to the workers' queue rather than published: sending declares that queue (durable), so a bake
/// requested while no worker has ever started waits on the broker. A publish would go to an exchange with no queue
/// bound yet, which RabbitMQ accepts and drops, and the job would stay queued for ever. Cancels are published:
/// every worker instance has its own temporary queue, and only a running job can be cancelled.
/// </remarks>
public sealed class MassTransitBakeDispatcher(IPublishEndpoint publish, ISendEndpointProvider send) : IBakeDispatcher
{
    static readonly Uri WorkerQueue = new($"queue:{WorkerEndpoints.RunBake}");

    public async Task Dispatch(BakeJob job, ArenaModel parent, string outputPath, CancellationToken ct = default)
    {
        var endpoint = await send.GetSendEndpoint(WorkerQueue);
        await endpoint.Send(new RunBake(job.Id, SpecOf(parent), job.Settings, outputPath, job.Attempt), ct);
    }

    public Task Cancel(Guid jobId, CancellationToken ct = default) => publish.Publish(new CancelBake(jobId), ct);

    public static ModelSpec SpecOf(ArenaModel model) =>
        new(model.BaseModel, model.Adapters.Select(a => new AdapterRef(a.Path, a.Strength)).ToList());
}
