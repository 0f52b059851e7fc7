using Arena.Contracts.Chat;
using Arena.Worker.Cancellation;
using MassTransit;

namespace Arena.Worker.Chat;

/// <summary>Stops the reply if it is being generated here, or marks it so it is skipped if it arrives later.</summary>
public sealed class CancelReplyConsumer(ReplyCancellations cancellations) : IConsumer<CancelReply>
{
    public Task Consume(ConsumeContext<CancelReply> context)
    {
        cancellations.Cancel(context.Message.RequestId);
        return Task.CompletedTask;
    }
}
