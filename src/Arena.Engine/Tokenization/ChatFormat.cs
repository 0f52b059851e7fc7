namespace Arena.Engine.Tokenization;

/// <summary>
/// How a model expects a conversation laid out as text. A checkpoint with a chat template uses it
/// (<see cref="ChatTemplateFormat"/>); the built-in formats here reproduce the templates of their families and are
/// only the fallback for checkpoints that carry none.
/// </summary>
public abstract class ChatFormat
{
    public static ChatFormat ChatMl { get; } = new ChatMlFormat();

    public static ChatFormat Llama3 { get; } = new Llama3ChatFormat();

    public static ChatFormat Llama2 { get; } = new InstChatFormat(llama2: true);

    public static ChatFormat Mistral { get; } = new InstChatFormat(llama2: false);

    public static ChatFormat Plain { get; } = new PlainChatFormat();

    /// <summary>A short name for logs and settings: "chatml", "llama3", "llama2", "mistral", "plain".</summary>
    public abstract string Name { get; }

    /// <summary>Texts that end an assistant turn; the generator stops when one is produced.</summary>
    public abstract IReadOnlyList<string> StopStrings { get; }

    /// <summary>The conversation as the model's prompt text, special markers written out as text.</summary>
    /// <param name="addGenerationPrompt">End with the opening of an assistant turn, so the model answers next.</param>
    public abstract string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true);

    /// <summary>Where the layout comes from, for "arena info": the checkpoint's template file or a built-in format.</summary>
    public virtual string Source => $"built-in {Name} (no chat template in the checkpoint)";

    /// <summary>
    /// Whether the rendered text already holds every special token the model wants (bos included), so encoding
    /// adds none; true for checkpoint templates, as Hugging Face's apply_chat_template encodes without them.
    /// </summary>
    public virtual bool WritesSpecialTokens => false;

    public override string ToString() => Name;

    /// <summary>
    /// Picks a built-in format from the chat template's markers, else from the vocabulary's added tokens,
    /// else <see cref="Plain"/> (a base model with no chat format). The loader calls it only for checkpoints
    /// without a template; a template is rendered itself (<see cref="ChatTemplateFormat"/>).
    /// </summary>
    /// <param name="chatTemplate">tokenizer_config.json's chat_template, if any.</param>
    /// <param name="modelType">config.json's model_type; tells Llama-2 from Mistral for [INST] templates.</param>
    public static ChatFormat Detect(string? chatTemplate, string? modelType, TextTokenizer? tokenizer)
    {
        if (chatTemplate is not null)
        {
            if (chatTemplate.Contains("<|im_start|>", StringComparison.Ordinal))
            {
                return ChatMlFormat.FromTemplate(chatTemplate);
            }

            if (chatTemplate.Contains("<|start_header_id|>", StringComparison.Ordinal))
            {
                return Llama3;
            }

            if (chatTemplate.Contains("[INST]", StringComparison.Ordinal))
            {
                // Only Llama-2's template folds the system prompt into <<SYS>>; Mistral's never has it.
                return chatTemplate.Contains("<<SYS>>", StringComparison.Ordinal) ? Llama2 : Mistral;
            }
        }

        if (tokenizer is not null)
        {
            if (tokenizer.TokenToId("<|im_start|>") is not null)
            {
                return ChatMl;
            }

            if (tokenizer.TokenToId("<|start_header_id|>") is not null)
            {
                return Llama3;
            }

            if (tokenizer.TokenToId("[INST]") is not null)
            {
                // Mistral v0.3 made [INST] a control token; a llama model with it is a Llama-2 chat fine-tune.
                return modelType is "llama" ? Llama2 : Mistral;
            }
        }

        return Plain;
    }

    /// <summary>Rejects roles a format cannot write, naming the format.</summary>
    protected void RequireRoles(IReadOnlyList<ChatMessage> messages, params string[] roles)
    {
        foreach (ChatMessage message in messages)
        {
            if (!roles.Contains(message.Role))
            {
                throw new ArgumentException($"{Name} chat format has no role '{message.Role}' (allowed: {string.Join(", ", roles)})", nameof(messages));
            }
        }
    }
}
