using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Arena.Web.Bus;

public static class BusRegistration
{
    /// <summary>The web app's consumers, each on an endpoint of this replica's own (see the definitions).</summary>
    public static IBusRegistrationConfigurator AddArenaWebConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<WebInstance>();
        bus.AddConsumer<BakeJobStartedConsumer, JobEventConsumerDefinition<BakeJobStartedConsumer>>();
        bus.AddConsumer<BakeJobProgressConsumer, JobEventConsumerDefinition<BakeJobProgressConsumer>>();
        bus.AddConsumer<BakeJobHeartbeatConsumer, JobEventConsumerDefinition<BakeJobHeartbeatConsumer>>();
        bus.AddConsumer<BakeJobSucceededConsumer, JobEventConsumerDefinition<BakeJobSucceededConsumer>>();
        bus.AddConsumer<BakeJobFailedConsumer, JobEventConsumerDefinition<BakeJobFailedConsumer>>();
        bus.AddConsumer<BakeJobCancelledConsumer, JobEventConsumerDefinition<BakeJobCancelledConsumer>>();
        bus.AddConsumer<EvaluationJobConsumer, JobEventConsumerDefinition<EvaluationJobConsumer>>();
        bus.AddConsumer<ReplyChunkConsumer, ReplyChunkConsumerDefinition>();
        return bus;
    }
}
