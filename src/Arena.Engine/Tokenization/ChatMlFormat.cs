using System.Text;
using System.Text.RegularExpressions;

namespace Arena.Engine.Tokenization;

/// <summary>
/// ChatML, used by Qwen2/Qwen3 and the project's starter model:
/// "&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n" per turn, "&lt;|im_start|&gt;assistant\n" to prompt an answer.
/// </summary>
/// <param name="defaultSystemPrompt">Written as the system turn when the conversation has none (Qwen2 does this).</param>
public sealed partial class ChatMlFormat(string? defaultSystemPrompt = null) : ChatFormat
{
    public override string Name => "chatml";

    public string? DefaultSystemPrompt { get; } = defaultSystemPrompt;

    public override IReadOnlyList<string> StopStrings { get; } = ["<|im_end|>"];

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        var text = new StringBuilder();
        if (DefaultSystemPrompt is not null && (messages.Count == 0 || messages[0].Role != "system"))
        {
            AppendTurn(text, "system", DefaultSystemPrompt);
        }

        foreach (ChatMessage message in messages)
        {
            AppendTurn(text, message.Role, message.Content);
        }

        if (addGenerationPrompt)
        {
            text.Append("<|im_start|>assistant\n");
        }

        return text.ToString();
    }

    /// <summary>ChatML, with the default system prompt a Qwen2-style template writes when none is given.</summary>
    internal static ChatMlFormat FromTemplate(string template)
    {
        // In the Jinja source the default turn is a literal: '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n'
        Match match = DefaultSystemTurn().Match(template);
        return new ChatMlFormat(match.Success ? match.Groups[1].Value : null);
    }

    private static void AppendTurn(StringBuilder text, string role, string content) =>
        text.Append("<|im_start|>").Append(role).Append('\n').Append(content).Append("<|im_end|>\n");

    [GeneratedRegex(@"<\|im_start\|>system\\n([^'""{}<\\]+)<\|im_end\|>")]
    private static partial Regex DefaultSystemTurn();
}
