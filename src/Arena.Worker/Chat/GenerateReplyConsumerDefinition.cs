using Arena.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Chat;

/// <summary>Replies share a queue, at most <see cref="WorkerOptions.ConcurrentReplies"/> at a time per instance.</summary>
public sealed class GenerateReplyConsumerDefinition : ConsumerDefinition<GenerateReplyConsumer>
{
    public GenerateReplyConsumerDefinition(IOptions<WorkerOptions> options)
    {
        EndpointName = WorkerEndpoints.GenerateReply;
        ConcurrentMessageLimit = Math.Max(1, options.Value.ConcurrentReplies);
    }
}
