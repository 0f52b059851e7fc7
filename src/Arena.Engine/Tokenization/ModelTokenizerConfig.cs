using System.Text.Json;

namespace Arena.Engine.Tokenization;

/// <summary>
/// What a model folder's tokenizer_config.json, config.json and generation_config.json say about special
/// tokens and chat; every field is optional because every file is.
/// </summary>
internal sealed record ModelTokenizerConfig
{
    public const string TokenizerConfigFile = "tokenizer_config.json";
    public const string ConfigFile = "config.json";
    public const string GenerationConfigFile = "generation_config.json";
    public const string ChatTemplateFile = "chat_template.jinja";

    public string? BosToken { get; init; }
    public string? EosToken { get; init; }
    public string? PadToken { get; init; }
    public bool? AddBosToken { get; init; }
    public string? ChatTemplate { get; init; }

    /// <summary>The file <see cref="ChatTemplate"/> was read from: chat_template.jinja or tokenizer_config.json.</summary>
    public string? ChatTemplatePath { get; init; }

    public string? UnkToken { get; init; }

    /// <summary>LlamaTokenizer's legacy flag; false: "▁" only at the start of the text (see MetaspacePipeline).</summary>
    public bool? Legacy { get; init; }

    public bool? AddPrefixSpace { get; init; }

    /// <summary>Decode drops spaces before punctuation and contractions (" ." → ".", " 's" → "'s").</summary>
    public bool? CleanUpTokenizationSpaces { get; init; }
    public string? ModelType { get; init; }
    public IReadOnlyList<AddedToken> AddedTokens { get; init; } = [];

    /// <summary>generation_config.json first (what generation uses), then config.json.</summary>
    public IReadOnlyList<int> BosIds { get; init; } = [];
    public IReadOnlyList<int> EosIds { get; init; } = [];
    public IReadOnlyList<int> PadIds { get; init; } = [];

    public static ModelTokenizerConfig Empty { get; } = new();

    /// <exception cref="TokenizerException">One of the files is malformed.</exception>
    public static ModelTokenizerConfig Read(string modelDir)
    {
        string tokenizerPath = Path.Combine(modelDir, TokenizerConfigFile);
        string configPath = Path.Combine(modelDir, ConfigFile);
        string generationPath = Path.Combine(modelDir, GenerationConfigFile);
        using JsonDocument? tokenizer = JsonFile.TryOpen(tokenizerPath);
        using JsonDocument? config = JsonFile.TryOpen(configPath);
        using JsonDocument? generation = JsonFile.TryOpen(generationPath);
        JsonElement tok = tokenizer?.RootElement ?? default;
        JsonElement cfg = config?.RootElement ?? default;
        JsonElement gen = generation?.RootElement ?? default;

        return new ModelTokenizerConfig
        {
            BosToken = JsonFile.GetToken(tok, "bos_token"),
            EosToken = JsonFile.GetToken(tok, "eos_token"),
            PadToken = JsonFile.GetToken(tok, "pad_token"),
            UnkToken = JsonFile.GetToken(tok, "unk_token"),
            AddBosToken = JsonFile.GetBool(tok, "add_bos_token"),
            ChatTemplate = ReadChatTemplate(modelDir, tok, out string? templatePath),
            ChatTemplatePath = templatePath,
            Legacy = JsonFile.GetBool(tok, "legacy"),
            AddPrefixSpace = JsonFile.GetBool(tok, "add_prefix_space"),
            CleanUpTokenizationSpaces = JsonFile.GetBool(tok, "clean_up_tokenization_spaces"),
            ModelType = JsonFile.GetString(cfg, "model_type"),
            AddedTokens = ReadAddedTokensDecoder(tok, tokenizerPath),
            BosIds = Ids(gen, generationPath, cfg, configPath, "bos_token_id"),
            EosIds = Ids(gen, generationPath, cfg, configPath, "eos_token_id"),
            PadIds = Ids(gen, generationPath, cfg, configPath, "pad_token_id"),
        };
    }

    private static List<int> Ids(JsonElement gen, string genPath, JsonElement cfg, string cfgPath, string name) =>
        JsonFile.GetIds(gen, name, genPath).Concat(JsonFile.GetIds(cfg, name, cfgPath)).Distinct().ToList();

    /// <summary>Newer folders keep the template in chat_template.jinja; older ones in tokenizer_config.json,
    /// as a string or as a list of named templates.</summary>
    private static string? ReadChatTemplate(string modelDir, JsonElement tok, out string? path)
    {
        string jinja = Path.Combine(modelDir, ChatTemplateFile);
        if (File.Exists(jinja))
        {
            path = jinja;
            return File.ReadAllText(jinja);
        }

        path = Path.Combine(modelDir, TokenizerConfigFile);
        string? template = JsonFile.Get(tok, "chat_template") switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray()
                .Where(t => JsonFile.GetString(t, "name") == "default")
                .Select(t => JsonFile.GetString(t, "template"))
                .FirstOrDefault(),
            _ => null,
        };
        path = template is null ? null : path;
        return template;
    }

    /// <summary>"added_tokens_decoder": {"32000": {"content": "&lt;|im_start|&gt;", "special": true, ...}}.</summary>
    private static List<AddedToken> ReadAddedTokensDecoder(JsonElement tok, string path)
    {
        var tokens = new List<AddedToken>();
        if (JsonFile.Get(tok, "added_tokens_decoder") is not { ValueKind: JsonValueKind.Object } decoder)
        {
            return tokens;
        }

        foreach (JsonProperty entry in decoder.EnumerateObject())
        {
            if (!int.TryParse(entry.Name, out int id) || id < 0 || JsonFile.GetString(entry.Value, "content") is not { Length: > 0 } content)
            {
                throw new TokenizerException(path, $"added_tokens_decoder entry '{entry.Name}' needs an integer id and a content");
            }

            tokens.Add(new AddedToken(
                id,
                content,
                JsonFile.GetBool(entry.Value, "special") ?? false,
                JsonFile.GetBool(entry.Value, "lstrip") ?? false,
                JsonFile.GetBool(entry.Value, "rstrip") ?? false));
        }

        return tokens;
    }
}
