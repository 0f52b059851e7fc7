using Arena.Contracts.Chat;
using Arena.Engine.Generation;
using Arena.Engine.Tokenization;
using Arena.Worker.Hosting;

namespace Arena.Worker.Chat;

/// <summary>The engine's conversation and sampling options from a GenerateReply, refusing what the worker will not run.</summary>
public static class ChatRequestMapper
{
    static readonly string[] Roles = ["system", "user", "assistant"];

    public static IReadOnlyList<ChatMessage> Conversation(IReadOnlyList<ChatTurn>? turns)
    {
        if (turns is null || turns.Count == 0) throw new InvalidRequestException("the conversation is empty");
        var messages = new List<ChatMessage>(turns.Count);
        for (int i = 0; i < turns.Count; i++)
        {
            var role = turns[i].Role?.Trim().ToLowerInvariant() ?? "";
            if (!Roles.Contains(role)) throw new InvalidRequestException($"turn {i + 1} has role '{turns[i].Role}'; expected system, user or assistant");
            messages.Add(new ChatMessage(role, turns[i].Content ?? ""));
        }
        if (messages[^1].Role != "user") throw new InvalidRequestException("the last turn must be the user's");
        return messages;
    }

    public static SamplingOptions Sampling(SamplingParameters? p)
    {
        p ??= new SamplingParameters();
        if (SamplingBounds.Problem(p) is { } problem) throw new InvalidRequestException(problem);
        return new SamplingOptions { MaxNewTokens = p.MaxTokens, Temperature = p.Temperature, TopP = p.TopP, Seed = p.Seed };
    }
}
