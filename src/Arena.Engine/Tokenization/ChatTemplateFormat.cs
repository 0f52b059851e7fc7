using Arena.Engine.Tokenization.Templates;

namespace Arena.Engine.Tokenization;

/// <summary>
/// The checkpoint's own chat template (tokenizer_config.json's chat_template or chat_template.jinja), rendered by
/// our Jinja interpreter as Hugging Face's apply_chat_template does: messages, add_generation_prompt, tools and
/// documents as none, and the special tokens (bos_token, eos_token, ...) as text.
/// </summary>
public sealed class ChatTemplateFormat : ChatFormat
{
    /// <summary>End-of-turn markers of the common template families; those the template writes are stop strings.</summary>
    private static readonly string[] TurnEnds = ["<|im_end|>", "<|eot_id|>", "<|eom_id|>", "<end_of_turn>", "<|end|>", "<|end_of_turn|>", "<|EOT|>"];

    private readonly JinjaTemplate _template;
    private readonly IReadOnlyDictionary<string, string> _specialTokens;

    /// <param name="template">The Jinja source.</param>
    /// <param name="sourcePath">The file it came from; errors name it.</param>
    /// <param name="specialTokens">Template variables such as bos_token and eos_token, with their text.</param>
    /// <exception cref="TokenizerException">The template has a syntax error or a construct we do not support.</exception>
    public ChatTemplateFormat(string template, string sourcePath, IReadOnlyDictionary<string, string> specialTokens)
    {
        ArgumentNullException.ThrowIfNull(template);
        SourcePath = sourcePath;
        _specialTokens = specialTokens;
        try
        {
            _template = JinjaTemplate.Parse(template);
        }
        catch (TemplateError e)
        {
            throw Failure(e);
        }

        var stops = TurnEnds.Where(t => template.Contains(t, StringComparison.Ordinal)).ToList();
        if (specialTokens.TryGetValue("eos_token", out string? eos) && eos.Length > 0 && !stops.Contains(eos))
        {
            stops.Add(eos);
        }

        StopStrings = stops;
    }

    public override string Name => "template";

    /// <summary>tokenizer_config.json or chat_template.jinja of the checkpoint.</summary>
    public string SourcePath { get; }

    public override string Source => $"{Path.GetFileName(SourcePath)} (the checkpoint's chat template)";

    public override IReadOnlyList<string> StopStrings { get; }

    /// <summary>Hugging Face encodes a rendered template without adding special tokens: the template writes them.</summary>
    public override bool WritesSpecialTokens => true;

    /// <exception cref="TokenizerException">The template raised (raise_exception) or failed on these messages.</exception>
    public override string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = messages.Select(m => new Dictionary<string, object?> { ["role"] = m.Role, ["content"] = m.Content }).ToList(),
            ["add_generation_prompt"] = addGenerationPrompt,
            ["tools"] = null,
            ["documents"] = null,
        };
        foreach ((string name, string text) in _specialTokens)
        {
            variables[name] = text;
        }

        try
        {
            return _template.Render(variables);
        }
        catch (TemplateError e)
        {
            throw Failure(e);
        }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException or ArgumentException or OverflowException or FormatException)
        {
            // A fault of the interpreter on an unusual template still ends as one line naming the file.
            throw new TokenizerException(SourcePath, $"chat template failed: {e.Message}", e);
        }
    }

    private TokenizerException Failure(TemplateError e) => new(SourcePath, e.RaisedByTemplate
        ? $"chat template line {e.Line} raised: {e.Message}"
        : $"chat template line {e.Line}: {e.Message}");
}
