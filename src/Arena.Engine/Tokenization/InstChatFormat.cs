using System.Text;

namespace Arena.Engine.Tokenization;

/// <summary>
/// The "[INST] ... [/INST]" formats. Llama-2: every user turn is "&lt;s&gt;[INST] text [/INST]", answers are
/// " text &lt;/s&gt;", the system prompt goes into the first user turn inside &lt;&lt;SYS&gt;&gt; markers.
/// Mistral: one "&lt;s&gt;" at the start, "[INST] text [/INST]answer&lt;/s&gt;", the system prompt before the
/// first user text. The prompt ends with [/INST] either way, so there is no separate generation prompt.
/// </summary>
public sealed class InstChatFormat : ChatFormat
{
    private const string Bos = "<s>";
    private const string Eos = "</s>";

    /// <param name="llama2">Llama-2's layout; false for Mistral's.</param>
    public InstChatFormat(bool llama2)
    {
        IsLlama2 = llama2;
    }

    public bool IsLlama2 { get; }

    public override string Name => IsLlama2 ? "llama2" : "mistral";

    public override IReadOnlyList<string> StopStrings { get; } = [Eos];

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        RequireRoles(messages, "system", "user", "assistant");
        string? system = messages.Count > 0 && messages[0].Role == "system" ? messages[0].Content : null;
        IEnumerable<ChatMessage> turns = system is null ? messages : messages.Skip(1);
        var text = new StringBuilder(IsLlama2 ? "" : Bos);
        int index = 0;
        foreach (ChatMessage turn in turns)
        {
            string expected = index % 2 == 0 ? "user" : "assistant";
            if (turn.Role != expected)
            {
                throw new ArgumentException($"{Name} chat format needs turns alternating user/assistant after an optional system prompt; turn {index} is '{turn.Role}'", nameof(messages));
            }

            string content = index == 0 && system is not null ? WithSystem(system, turn.Content) : turn.Content;
            AppendTurn(text, expected == "user", content);
            index++;
        }

        return text.ToString();
    }

    private string WithSystem(string system, string user) => IsLlama2
        ? $"<<SYS>>\n{system}\n<</SYS>>\n\n{user}"
        : $"{system}\n\n{user}";

    private void AppendTurn(StringBuilder text, bool user, string content)
    {
        if (IsLlama2)
        {
            // Meta's template strips each turn's content.
            text.Append(user ? $"{Bos}[INST] {content.Trim()} [/INST]" : $" {content.Trim()} {Eos}");
        }
        else
        {
            text.Append(user ? $"[INST] {content} [/INST]" : $"{content}{Eos}");
        }
    }
}
