namespace Arena.Engine.Tokenization;

/// <summary>
/// No chat format (GPT-2-like base models): the system prompt is a prefix text and the turns follow, separated
/// by blank lines; roles are not written and nothing marks where the answer starts.
/// </summary>
public sealed class PlainChatFormat : ChatFormat
{
    public override string Name => "plain";

    public override IReadOnlyList<string> StopStrings { get; } = [];

    public override string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true) =>
        string.Join("\n\n", messages.Select(m => m.Content));
}
