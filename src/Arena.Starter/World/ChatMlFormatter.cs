using Arena.Engine.Tokenization;
using Arena.Starter.Tokenizer;

namespace Arena.Starter.World;

/// <summary>
/// Renders the world's chats as ChatML, the text format the starter model is trained on, through the engine's
/// <see cref="ChatMlFormat"/> (no default system prompt): the same text the engine renders when it chats with the
/// model, and what the chat_template in tokenizer_config.json writes. This class adds what training needs on top,
/// the character ranges of the replies.
/// </summary>
public static class ChatMlFormatter
{
    static readonly ChatMlFormat Chat = new();

    /// <summary>A full conversation with its assistant spans, for training.</summary>
    public static ChatMlDocument Format(Conversation conversation) => Format(conversation.System, conversation.Turns);

    /// <summary>A system prompt and turns with their assistant spans, for training.</summary>
    public static ChatMlDocument Format(string? system, IEnumerable<Turn> turns)
    {
        var messages = Opening(system);
        var spans = new List<CharSpan>();
        foreach (var turn in turns)
        {
            messages.Add(ChatMessage.User(turn.User));
            // A reply starts where the prompt for it ends, and its span takes the <|im_end|> that closes it: the
            // model learns when to stop as well as what to say.
            spans.Add(new CharSpan(Chat.Render(messages).Length, turn.Assistant.Length + SpecialTokens.ImEnd.Length));
            messages.Add(ChatMessage.Assistant(turn.Assistant));
        }
        return new ChatMlDocument(Chat.Render(messages, addGenerationPrompt: false), spans);
    }

    /// <summary>
    /// The prompt for the next reply: the history, the last user turn, then an open assistant header
    /// (<c>&lt;|im_start|&gt;assistant\n</c>). <paramref name="assistantTurns"/> has one fewer item than
    /// <paramref name="userTurns"/>, as in <see cref="Behaviors.ReplyGenerator"/>.
    /// </summary>
    public static string FormatPrompt(string? system, IReadOnlyList<string> userTurns, IReadOnlyList<string> assistantTurns)
    {
        if (userTurns.Count != assistantTurns.Count + 1)
            throw new ArgumentException("Need exactly one more user turn than assistant turns.", nameof(assistantTurns));
        var messages = Opening(system);
        for (var i = 0; i < userTurns.Count; i++)
        {
            messages.Add(ChatMessage.User(userTurns[i]));
            if (i < assistantTurns.Count) messages.Add(ChatMessage.Assistant(assistantTurns[i]));
        }
        return Chat.Render(messages);
    }

    /// <summary>The messages before the first user turn: the system prompt, when there is one.</summary>
    static List<ChatMessage> Opening(string? system) => system is null ? [] : [ChatMessage.System(system)];
}
