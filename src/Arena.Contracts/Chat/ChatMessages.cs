using Arena.Contracts.Models;

namespace Arena.Contracts.Chat;

/// <summary>role is system, user or assistant.</summary>
public sealed record ChatTurn(string Role, string Content);

public sealed record SamplingParameters
{
    public double Temperature { get; init; } = 0.7;
    public double TopP { get; init; } = 0.95;
    public int MaxTokens { get; init; } = 128;
    public long? Seed { get; init; }
}

/// <summary>Command to a worker: generate the assistant's next reply to <paramref name="Messages"/> with <paramref name="Model"/>.</summary>
public sealed record GenerateReply(Guid RequestId, ModelSpec Model, IReadOnlyList<ChatTurn> Messages, SamplingParameters Sampling);

/// <summary>
/// A piece of a streamed reply. Sequence numbers start at 0 so the receiver can order chunks; the last chunk has
/// Done = true (and Error set if generation failed). Workers batch tokens into chunks by time to keep the bus light.
/// </summary>
public sealed record ReplyChunk(Guid RequestId, int Sequence, string Text, bool Done, string? Error = null, int Tokens = 0);

/// <summary>Published to every worker instance: stop generating this reply (the reader went away).</summary>
public sealed record CancelReply(Guid RequestId);
