namespace Arena.Worker.Cancellation;

/// <summary>Replies being generated on this instance, stoppable by <see cref="Arena.Contracts.Chat.CancelReply"/>.</summary>
public sealed class ReplyCancellations : CancellationRegistry;
