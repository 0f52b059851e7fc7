using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine.Modules;

namespace Arena.Engine.Checkpoints;

/// <summary>Reads a Hugging Face config.json into a <see cref="ModelConfig"/>, failing loudly on missing or absurd fields.</summary>
public static class ModelConfigReader
{
    public static readonly IReadOnlyList<string> SupportedTypes = ["llama", "mistral", "qwen2", "qwen3", "gpt2"];

    public static ModelConfig ReadFile(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "file not found");
        JsonObject root;
        try { root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CheckpointException(path, "not a JSON object"); }
        catch (JsonException e) { throw new CheckpointException(path, $"invalid JSON ({e.Message.Split('\n')[0]})"); }
        return Parse(root, path);
    }

    public static ModelConfig Parse(JsonObject c, string path)
    {
        var type = Str(c, "model_type", path);
        if (!SupportedTypes.Contains(type))
            throw new CheckpointException(path, $"unsupported architecture '{type}' (supported: {string.Join(", ", SupportedTypes)})");
        var arch = c["architectures"] is JsonArray { Count: > 0 } a ? a[0]!.GetValue<string>() : type;
        var cfg = type == "gpt2" ? ParseGpt2(c, path, arch) : ParseLlamaFamily(c, path, type, arch);
        Validate(cfg, path);
        return cfg;
    }

    static ModelConfig ParseLlamaFamily(JsonObject c, string path, string type, string arch)
    {
        var hidden = Int(c, "hidden_size", path);
        var heads = Int(c, "num_attention_heads", path);
        var bias = OptBool(c, "attention_bias") ?? false;
        // transformers 5 moved rope_theta/rope_scaling into rope_parameters; older files have them at the top level.
        var rope = c["rope_parameters"] as JsonObject ?? c["rope_scaling"] as JsonObject;
        var theta = OptDouble(rope, "rope_theta") ?? OptDouble(c, "rope_theta") ?? 10000.0;
        return new ModelConfig
        {
            ModelType = type,
            Architecture = arch,
            VocabSize = Int(c, "vocab_size", path),
            HiddenSize = hidden,
            IntermediateSize = Int(c, "intermediate_size", path),
            NumLayers = Int(c, "num_hidden_layers", path),
            NumHeads = heads,
            NumKvHeads = OptInt(c, "num_key_value_heads") ?? heads,
            HeadDim = OptInt(c, "head_dim") ?? (heads > 0 ? hidden / heads : 0),
            MaxPositionEmbeddings = OptInt(c, "max_position_embeddings") ?? 2048,
            NormEps = OptDouble(c, "rms_norm_eps") ?? 1e-6,
            RopeTheta = theta,
            RopeScaling = ParseRopeScaling(rope, path),
            TieWordEmbeddings = OptBool(c, "tie_word_embeddings") ?? false,
            AttentionBias = type == "qwen2" || (type != "mistral" && bias),
            OutputBias = type is "llama" or "qwen3" && bias, // Qwen2 has q/k/v bias only
            MlpBias = OptBool(c, "mlp_bias") ?? false,
            QkNorm = type == "qwen3",
            HiddenAct = OptString(c, "hidden_act") ?? "silu",
            BosTokenId = OptInt(c, "bos_token_id"),
            EosTokenIds = IntList(c["eos_token_id"]),
            PadTokenId = OptInt(c, "pad_token_id"),
            TorchDtype = OptString(c, "torch_dtype") ?? OptString(c, "dtype"),
        };
    }

    static ModelConfig ParseGpt2(JsonObject c, string path, string arch)
    {
        var hidden = Int(c, "n_embd", path);
        var heads = Int(c, "n_head", path);
        return new ModelConfig
        {
            ModelType = "gpt2",
            Architecture = arch,
            VocabSize = Int(c, "vocab_size", path),
            HiddenSize = hidden,
            IntermediateSize = OptInt(c, "n_inner") ?? 4 * hidden,
            NumLayers = Int(c, "n_layer", path),
            NumHeads = heads,
            NumKvHeads = heads,
            HeadDim = heads > 0 ? hidden / heads : 0,
            MaxPositionEmbeddings = Int(c, "n_positions", path),
            NormEps = OptDouble(c, "layer_norm_epsilon") ?? 1e-5,
            TieWordEmbeddings = OptBool(c, "tie_word_embeddings") ?? true,
            AttentionBias = true,
            OutputBias = true,
            MlpBias = true,
            HiddenAct = OptString(c, "activation_function") ?? "gelu_new",
            BosTokenId = OptInt(c, "bos_token_id"),
            EosTokenIds = IntList(c["eos_token_id"]),
            PadTokenId = OptInt(c, "pad_token_id"),
            TorchDtype = OptString(c, "torch_dtype") ?? OptString(c, "dtype"),
        };
    }

    static RopeScaling ParseRopeScaling(JsonObject? r, string path)
    {
        if (r is null) return RopeScaling.None;
        var type = OptString(r, "rope_type") ?? OptString(r, "type") ?? "default";
        return type switch
        {
            "default" => RopeScaling.None,
            "linear" => new RopeScaling("linear", OptDouble(r, "factor") ?? 1.0),
            "llama3" => new RopeScaling("llama3",
                OptDouble(r, "factor") ?? throw new CheckpointException(path, "rope llama3 scaling needs 'factor'"),
                OptDouble(r, "low_freq_factor") ?? 1.0,
                OptDouble(r, "high_freq_factor") ?? 4.0,
                OptInt(r, "original_max_position_embeddings") ?? 8192),
            _ => throw new CheckpointException(path, $"unsupported rope scaling type '{type}' (supported: default, linear, llama3)"),
        };
    }

    static void Validate(ModelConfig c, string path)
    {
        void Check(bool ok, string problem) { if (!ok) throw new CheckpointException(path, problem); }
        Check(c.VocabSize > 0 && c.HiddenSize > 0 && c.IntermediateSize > 0 && c.NumLayers > 0, "sizes must be positive");
        Check(c.NumHeads > 0 && c.NumKvHeads > 0 && c.NumHeads % c.NumKvHeads == 0,
            $"num_attention_heads ({c.NumHeads}) must be a positive multiple of num_key_value_heads ({c.NumKvHeads})");
        Check(c.HeadDim > 0 && c.HeadDim % 2 == 0, $"head_dim {c.HeadDim} must be positive and even");
        Check(c.IsGpt2 ? c.HiddenSize % c.NumHeads == 0 : true, "n_embd must divide by n_head");
        Check(c.HiddenAct is "silu" or "gelu_new" or "gelu_pytorch_tanh" or "gelu", $"unsupported activation '{c.HiddenAct}'");
        Check(c.NormEps > 0 && c.RopeTheta > 0, "norm epsilon and rope theta must be positive");
    }

    static string Str(JsonObject c, string key, string path) =>
        OptString(c, key) ?? throw new CheckpointException(path, $"missing required field '{key}'");
    static int Int(JsonObject c, string key, string path) =>
        OptInt(c, key) ?? throw new CheckpointException(path, $"missing required field '{key}'");
    static string? OptString(JsonObject? c, string key) =>
        c?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    static int? OptInt(JsonObject? c, string key) =>
        Number(c?[key]) is { } d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue ? (int)d : null;
    static double? OptDouble(JsonObject? c, string key) => Number(c?[key]);

    // A parsed file holds JsonElements, a built object holds CLR numbers; reading the JSON text covers both.
    static double? Number(JsonNode? n) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;
    static bool? OptBool(JsonObject? c, string key) =>
        c?[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
    static List<int> IntList(JsonNode? n) => n switch
    {
        JsonArray a => a.Select(x => (int)(Number(x) ?? throw new JsonException("eos_token_id must hold integers"))).ToList(),
        JsonValue v when Number(v) is { } d => [(int)d],
        _ => [],
    };
}
