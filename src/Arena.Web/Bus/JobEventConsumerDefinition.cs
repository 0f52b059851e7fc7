using MassTransit;

namespace Arena.Web.Bus;

/// <summary>
/// Worker reports about bake jobs: on this replica's own temporary endpoint, one message at a time (reports about
/// a job append to one event stream; in parallel they would only race each other's optimistic concurrency), with a
/// few retries for a database hiccup or a race with another replica journalling the same report.
/// </summary>
public sealed class JobEventConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public JobEventConsumerDefinition(WebInstance instance)
    {
        var name = $"arena-web-jobs-{instance.Id}";
        EndpointName = name;
        ConcurrentMessageLimit = 1;
        Endpoint(e =>
        {
            e.Name = name;
            e.Temporary = true;
            e.ConcurrentMessageLimit = 1;
        });
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000));
    }
}
