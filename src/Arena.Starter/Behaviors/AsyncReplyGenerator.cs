namespace Arena.Starter.Behaviors;

/// <summary>The asynchronous form of <see cref="ReplyGenerator"/>, for generators that run on a model.</summary>
public delegate ValueTask<string> AsyncReplyGenerator(
    string? system, IReadOnlyList<string> userTurns, IReadOnlyList<string> assistantTurns, CancellationToken cancellationToken);
