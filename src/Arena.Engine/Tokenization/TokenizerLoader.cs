namespace Arena.Engine.Tokenization;

/// <summary>Loads the tokenizer of a Hugging Face model folder.</summary>
public static class TokenizerLoader
{
    public const string TokenizerJsonFile = "tokenizer.json";
    public const string SentencePieceFile = "tokenizer.model";

    /// <summary>
    /// Reads tokenizer.json (byte-level BPE: GPT-2, Llama-3, Qwen2, the starter model) or, failing that,
    /// tokenizer.model (SentencePiece: Llama-2, Mistral); then bos/eos/pad from tokenizer_config.json,
    /// generation_config.json and config.json, and the chat format from the chat template.
    /// </summary>
    /// <exception cref="TokenizerException">No tokenizer file, a malformed file, or an unsupported tokenizer kind.</exception>
    public static TextTokenizer Load(string modelDir)
    {
        ArgumentNullException.ThrowIfNull(modelDir);
        if (!Directory.Exists(modelDir))
        {
            throw new TokenizerException(modelDir, "model folder does not exist");
        }

        ModelTokenizerConfig config = ModelTokenizerConfig.Read(modelDir);
        (ITokenModel model, string? templateBos) = LoadModel(modelDir, config);
        string configPath = Path.Combine(modelDir, ModelTokenizerConfig.TokenizerConfigFile);
        SpecialTokenIds specials = SpecialTokenResolver.Resolve(model, config, templateBos, configPath);
        var tokenizer = new TextTokenizer(model, specials, ChatFormat.Plain);
        return tokenizer.WithChat(ChatFormat.Detect(config.ChatTemplate, config.ModelType, tokenizer));
    }

    private static (ITokenModel Model, string? TemplateBos) LoadModel(string modelDir, ModelTokenizerConfig config)
    {
        string jsonPath = Path.Combine(modelDir, TokenizerJsonFile);
        string spPath = Path.Combine(modelDir, SentencePieceFile);
        if (File.Exists(jsonPath))
        {
            try
            {
                TokenizerJsonContent content = TokenizerJsonReader.Read(jsonPath);
                return (content.Model, content.TemplateBosToken);
            }
            catch (TokenizerException ex) when (ex.IsUnsupportedFormat && File.Exists(spPath))
            {
                // Llama-2/Mistral folders carry a converted tokenizer.json we do not read; their tokenizer.model is the source.
            }
        }

        if (File.Exists(spPath))
        {
            return (SentencePieceModel.Load(spPath, config.AddedTokens), null);
        }

        throw new TokenizerException(jsonPath, $"not found, and no {SentencePieceFile} either");
    }
}
