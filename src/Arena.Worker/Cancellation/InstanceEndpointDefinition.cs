using Arena.Worker.Hosting;
using MassTransit;

namespace Arena.Worker.Cancellation;

/// <summary>
/// Cancel consumers listen on a temporary queue of their own per worker instance, so a published cancel reaches
/// every instance (a shared queue would hand it to just one, likely not the one running the job).
/// </summary>
public abstract class InstanceEndpointDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected InstanceEndpointDefinition(WorkerInstance instance)
    {
        Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });
    }
}
