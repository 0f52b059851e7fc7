using Arena.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Evaluations;

/// <summary>Evaluations share the bakes' budget: each loads its own copy of a model and runs it flat out.</summary>
public sealed class RunEvaluationConsumerDefinition : ConsumerDefinition<RunEvaluationConsumer>
{
    readonly int concurrency;

    public RunEvaluationConsumerDefinition(IOptions<WorkerOptions> options)
    {
        concurrency = Math.Max(1, options.Value.ConcurrentBakes);
        EndpointName = WorkerEndpoints.RunEvaluation;
        ConcurrentMessageLimit = concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RunEvaluationConsumer> consumer,
        IRegistrationContext context) =>
        endpoint.PrefetchCount = concurrency;
}
