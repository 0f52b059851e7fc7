using Arena.Contracts.Evaluations;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Arena.Worker.Hosting;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Hands evaluations to the workers' queue (sent, so the queue exists before any worker does: see
/// <see cref="MassTransitBakeDispatcher"/>) and publishes cancels to every worker instance.</summary>
public sealed class MassTransitEvaluationDispatcher(IPublishEndpoint publish, ISendEndpointProvider send) : IEvaluationDispatcher
{
    static readonly Uri WorkerQueue = new($"queue:{WorkerEndpoints.RunEvaluation}");

    public async Task Dispatch(EvaluationJob job, ArenaModel model, string? suiteText, CancellationToken ct = default)
    {
        var endpoint = await send.GetSendEndpoint(WorkerQueue);
        await endpoint.Send(new RunEvaluation(job.Id, MassTransitBakeDispatcher.SpecOf(model), job.Suite, job.Conditions, job.Prompt,
            job.Limit, job.Seed, job.MaxNewTokens, suiteText), ct);
    }

    public Task Cancel(Guid jobId, CancellationToken ct = default) => publish.Publish(new CancelEvaluation(jobId), ct);
}
