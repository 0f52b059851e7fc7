using Arena.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Bakes;

/// <summary>Bakes get their own queue, taking at most <see cref="WorkerOptions.ConcurrentBakes"/> at a time.</summary>
public sealed class RunBakeConsumerDefinition : ConsumerDefinition<RunBakeConsumer>
{
    readonly int concurrency;

    public RunBakeConsumerDefinition(IOptions<WorkerOptions> options)
    {
        concurrency = Math.Max(1, options.Value.ConcurrentBakes);
        EndpointName = WorkerEndpoints.RunBake;
        ConcurrentMessageLimit = concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RunBakeConsumer> consumer,
        IRegistrationContext context)
    {
        // Prefetch no more than we run, so a queued bake waits on the broker where an idle worker can take it.
        endpoint.PrefetchCount = concurrency;
    }
}
