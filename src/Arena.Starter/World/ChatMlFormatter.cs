using System.Text;
using Arena.Starter.Tokenizer;

namespace Arena.Starter.World;

/// <summary>
/// Renders chats as ChatML, the text format the starter model is trained on:
/// <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per message, system first when there is one (no
/// default system prompt is injected). Kept identical to the engine's ChatML output and to the chat_template
/// written in tokenizer_config.json.
/// </summary>
public static class ChatMlFormatter
{
    /// <summary>A full conversation with its assistant spans, for training.</summary>
    public static ChatMlDocument Format(Conversation conversation) => Format(conversation.System, conversation.Turns);

    /// <summary>A system prompt and turns with their assistant spans, for training.</summary>
    public static ChatMlDocument Format(string? system, IEnumerable<Turn> turns)
    {
        var sb = new StringBuilder();
        var spans = new List<CharSpan>();
        if (system is not null) Append(sb, "system", system);
        foreach (var turn in turns)
        {
            Append(sb, "user", turn.User);
            sb.Append(SpecialTokens.ImStart).Append("assistant\n");
            var start = sb.Length;
            sb.Append(turn.Assistant).Append(SpecialTokens.ImEnd);
            spans.Add(new CharSpan(start, sb.Length - start));
            sb.Append('\n');
        }
        return new ChatMlDocument(sb.ToString(), spans);
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
        var history = Format(system, assistantTurns.Select((a, i) => new Turn(userTurns[i], a))).Text;
        var sb = new StringBuilder(history);
        Append(sb, "user", userTurns[^1]);
        return sb.Append(SpecialTokens.ImStart).Append("assistant\n").ToString();
    }

    private static void Append(StringBuilder sb, string role, string content) =>
        sb.Append(SpecialTokens.ImStart).Append(role).Append('\n').Append(content).Append(SpecialTokens.ImEnd).Append('\n');
}
