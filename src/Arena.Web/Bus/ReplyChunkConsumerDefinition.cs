using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Reply chunks: on this replica's own temporary endpoint, apart from job reports so a slow database write
/// never holds up a streaming reply. Order does not matter here (the reader reorders by sequence).</summary>
public sealed class ReplyChunkConsumerDefinition : ConsumerDefinition<ReplyChunkConsumer>
{
    public ReplyChunkConsumerDefinition(WebInstance instance)
    {
        var name = $"arena-web-replies-{instance.Id}";
        EndpointName = name;
        Endpoint(e =>
        {
            e.Name = name;
            e.Temporary = true;
        });
    }
}
