using Arena.Contracts.Chat;
using Arena.Web.Chat;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Hands reply chunks to the stream waiting for them on this replica (every replica hears every chunk; the
/// others have no such request and drop it).</summary>
public sealed class ReplyChunkConsumer(ReplyStreams streams) : IConsumer<ReplyChunk>
{
    public Task Consume(ConsumeContext<ReplyChunk> context)
    {
        streams.Deliver(context.Message);
        return Task.CompletedTask;
    }
}
