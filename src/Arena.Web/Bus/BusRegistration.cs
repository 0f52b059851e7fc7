using MassTransit;

namespace Arena.Web.Bus;

public static class BusRegistration
{
    /// <summary>
    /// The web app's consumers, all on one temporary endpoint named after this process: every replica gets its own
    /// copy of each job update and reply chunk (a shared queue would hand each message to one replica only), and the
    /// queue goes away with the process.
    /// </summary>
    public static IBusRegistrationConfigurator AddArenaWebConsumers(this IBusRegistrationConfigurator bus)
    {
        var endpoint = $"arena-web-{Environment.MachineName}-{Guid.NewGuid():N}".ToLowerInvariant();
        void PerInstance(IEndpointRegistrationConfigurator e)
        {
            e.Name = endpoint;
            e.Temporary = true;
        }
        bus.AddConsumer<BakeJobStartedConsumer>().Endpoint(PerInstance);
        bus.AddConsumer<BakeJobProgressConsumer>().Endpoint(PerInstance);
        bus.AddConsumer<BakeJobSucceededConsumer>().Endpoint(PerInstance);
        bus.AddConsumer<BakeJobFailedConsumer>().Endpoint(PerInstance);
        bus.AddConsumer<BakeJobCancelledConsumer>().Endpoint(PerInstance);
        bus.AddConsumer<ReplyChunkConsumer>().Endpoint(PerInstance);
        return bus;
    }
}
