using Arena.Contracts.Evaluations;
using Arena.Worker.Cancellation;
using Arena.Worker.Hosting;
using MassTransit;

namespace Arena.Worker.Evaluations;

/// <summary>Stops the evaluation if it runs on this instance, or marks it so it is skipped if it arrives here later.</summary>
public sealed class CancelEvaluationConsumer(EvaluationCancellations cancellations) : IConsumer<CancelEvaluation>
{
    public Task Consume(ConsumeContext<CancelEvaluation> context)
    {
        cancellations.Cancel(context.Message.JobId);
        return Task.CompletedTask;
    }
}

public sealed class CancelEvaluationConsumerDefinition(WorkerInstance instance) : InstanceEndpointDefinition<CancelEvaluationConsumer>(instance);
