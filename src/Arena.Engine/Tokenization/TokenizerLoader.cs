namespace Arena.Engine.Tokenization;

/// <summary>Loads the tokenizer of a Hugging Face model folder.</summary>
public static class TokenizerLoader
{
    public const string TokenizerJsonFile = "tokenizer.json";
    public const string SentencePieceFile = "tokenizer.model";

    /// <summary>
    /// Reads tokenizer.json (byte-level BPE: GPT-2, Llama-3, Qwen2, the starter model; SentencePiece-style BPE:
    /// Llama-2, Mistral) or, when there is none, tokenizer.model (sentencepiece BPE); then bos/eos/pad from tokenizer_config.json,
    /// generation_config.json and config.json, and the chat format: the checkpoint's chat template, else a built-in one.
    /// </summary>
    /// <exception cref="TokenizerException">No tokenizer file, a malformed file, or an unsupported tokenizer kind.</exception>
    public static TextTokenizer Load(string modelDir)
    {
        ArgumentNullException.ThrowIfNull(modelDir);
        if (!Directory.Exists(modelDir))
        {
            throw TokenizerException.ForModelFolder(modelDir, "model folder does not exist");
        }

        ModelTokenizerConfig config = ModelTokenizerConfig.Read(modelDir);
        (ITokenModel model, string? templateBos) = LoadModel(modelDir, config);
        string configPath = Path.Combine(modelDir, ModelTokenizerConfig.TokenizerConfigFile);
        SpecialTokenIds specials = SpecialTokenResolver.Resolve(model, config, templateBos, configPath);
        // transformers >= 4.45 defaults clean_up_tokenization_spaces to false; files that want it say so.
        var tokenizer = new TextTokenizer(model, specials, ChatFormat.Plain, config.CleanUpTokenizationSpaces ?? false);
        return tokenizer.WithChat(ChooseChat(config, tokenizer));
    }

    /// <summary>
    /// The checkpoint's own template when it has one; a template we cannot run is an error, never a reason to guess
    /// another layout. Without a template, a built-in format picked from the vocabulary.
    /// </summary>
    private static ChatFormat ChooseChat(ModelTokenizerConfig config, TextTokenizer tokenizer)
    {
        if (config.ChatTemplate is null)
        {
            return ChatFormat.Detect(null, config.ModelType, tokenizer);
        }

        var specialTokens = new Dictionary<string, string>(StringComparer.Ordinal);
        AddToken(specialTokens, "bos_token", config.BosToken);
        AddToken(specialTokens, "eos_token", config.EosToken);
        AddToken(specialTokens, "unk_token", config.UnkToken);
        AddToken(specialTokens, "pad_token", config.PadToken);
        return new ChatTemplateFormat(config.ChatTemplate, config.ChatTemplatePath!, specialTokens);
    }

    private static void AddToken(Dictionary<string, string> tokens, string name, string? text)
    {
        if (text is not null)
        {
            tokens[name] = text;
        }
    }

    private static (ITokenModel Model, string? TemplateBos) LoadModel(string modelDir, ModelTokenizerConfig config)
    {
        string jsonPath = Path.Combine(modelDir, TokenizerJsonFile);
        string spPath = Path.Combine(modelDir, SentencePieceFile);
        if (File.Exists(jsonPath))
        {
            // tokenizer.json is what Hugging Face reads when both files are there; one we cannot read is an error,
            // never a silent switch to tokenizer.model, whose pipeline may differ.
            TokenizerJsonContent content = TokenizerJsonReader.Read(jsonPath, config);
            return (content.Model, content.TemplateBosToken);
        }

        if (File.Exists(spPath))
        {
            return (SentencePieceModelReader.Read(spPath, config), null);
        }

        throw new TokenizerException(jsonPath, $"not found, and no {SentencePieceFile} either");
    }
}
