using System.Text;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Llama-3 Instruct: "&lt;|begin_of_text|&gt;" then per turn
/// "&lt;|start_header_id|&gt;role&lt;|end_header_id|&gt;\n\ncontent&lt;|eot_id|&gt;". Contents are trimmed as
/// Meta's template does. The date preamble that Llama-3.1+ templates add to the system turn is not written.
/// </summary>
public sealed class Llama3ChatFormat : ChatFormat
{
    public override string Name => "llama3";

    public override IReadOnlyList<string> StopStrings { get; } = ["<|eot_id|>"];

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        var text = new StringBuilder(messages.Count > 0 ? "<|begin_of_text|>" : "");
        foreach (ChatMessage message in messages)
        {
            AppendHeader(text, message.Role).Append(message.Content.Trim()).Append("<|eot_id|>");
        }

        if (addGenerationPrompt)
        {
            AppendHeader(text, "assistant");
        }

        return text.ToString();
    }

    private static StringBuilder AppendHeader(StringBuilder text, string role) =>
        text.Append("<|start_header_id|>").Append(role).Append("<|end_header_id|>\n\n");
}
