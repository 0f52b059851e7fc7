using Arena.Contracts.Bakes;
using Arena.Worker.Cancellation;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Arena.Worker.Bakes;

/// <summary>Stops the bake if it runs on this instance, or marks it so it is skipped if it arrives here later.</summary>
public sealed class CancelBakeConsumer(BakeCancellations cancellations, ILogger<CancelBakeConsumer> log) : IConsumer<CancelBake>
{
    public Task Consume(ConsumeContext<CancelBake> context)
    {
        if (cancellations.Cancel(context.Message.JobId))
            log.LogInformation("Cancelling bake {JobId}", context.Message.JobId);
        return Task.CompletedTask;
    }
}
