using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using static TorchSharp.torch;

namespace Arena.Engine.Lora;

/// <summary>
/// Reads and writes PEFT's on-disk adapter format: adapter_config.json and adapter_model.safetensors with keys
/// "base_model.model.{module path}.lora_A.weight" / ".lora_B.weight", so adapters move freely between Arena and PEFT.
/// </summary>
public static class PeftFormat
{
    const string Prefix = "base_model.model.";
    public const string ConfigFile = "adapter_config.json";
    public const string WeightsFile = "adapter_model.safetensors";

    public static LoraAdapter Load(string dir, string name, ScalarType dtype, Device device)
    {
        var config = ReadConfig(Path.Combine(dir, ConfigFile));
        var path = Path.Combine(dir, WeightsFile);
        using var file = new SafeTensorsFile(path);
        var weights = new Dictionary<string, (Tensor A, Tensor B)>();
        foreach (var key in file.Tensors.Keys.Where(k => k.EndsWith(".lora_A.weight")))
        {
            var module = Strip(key[..^".lora_A.weight".Length], path);
            var bKey = key[..^".lora_A.weight".Length] + ".lora_B.weight";
            if (!file.Tensors.ContainsKey(bKey)) throw new CheckpointException(path, $"'{key}' has no matching lora_B");
            weights[module] = (file.Read(key, dtype, device), file.Read(bKey, dtype, device));
        }
        foreach (var key in file.Tensors.Keys)
            if (!key.EndsWith(".lora_A.weight") && !key.EndsWith(".lora_B.weight"))
                throw new CheckpointException(path, $"unsupported adapter tensor '{key}' (only LoRA A/B weights are supported)");
        if (weights.Count == 0) throw new CheckpointException(path, "adapter holds no LoRA weights");
        return new LoraAdapter(name, config, weights);
    }

    static string Strip(string key, string path) =>
        key.StartsWith(Prefix) ? key[Prefix.Length..] : throw new CheckpointException(path, $"tensor '{key}' lacks the PEFT prefix '{Prefix}'");

    public static LoraConfig ReadConfig(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "file not found");
        JsonObject c;
        try { c = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CheckpointException(path, "not a JSON object"); }
        catch (JsonException e) { throw new CheckpointException(path, $"invalid JSON ({e.Message.Split('\n')[0]})"); }
        var type = c["peft_type"]?.GetValue<string>();
        if (type is not null && type != "LORA") throw new CheckpointException(path, $"unsupported peft_type '{type}' (only LORA)");
        if (c["use_dora"] is JsonValue d && d.GetValue<bool>()) throw new CheckpointException(path, "DoRA adapters are not supported");
        var r = c["r"] is JsonValue rv && rv.TryGetValue<int>(out var ri) && ri > 0 ? ri : throw new CheckpointException(path, "missing or invalid 'r'");
        var alpha = c["lora_alpha"] is JsonValue av && av.TryGetValue<double>(out var ad) ? ad : r;
        var (targets, regex) = c["target_modules"] switch
        {
            JsonArray a => (a.Select(x => x!.GetValue<string>()).ToList(), (string?)null),
            JsonValue v => (new List<string>(), v.GetValue<string>()),
            _ => throw new CheckpointException(path, "missing 'target_modules'"),
        };
        return new LoraConfig(r, alpha, targets, regex,
            UseRsLora: c["use_rslora"] is JsonValue rs && rs.GetValue<bool>(),
            RankPattern: (c["rank_pattern"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>()),
            AlphaPattern: (c["alpha_pattern"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>()),
            BaseModel: c["base_model_name_or_path"]?.GetValue<string>(),
            FanInFanOut: c["fan_in_fan_out"] is JsonValue ff && ff.GetValue<bool>());
    }

    /// <summary>Writes the adapter in PEFT's format (float32 unless <paramref name="dtype"/> says otherwise).</summary>
    /// <param name="baseModel">The base it applies to, when its config does not say (an adapter read from a PEFT file
    /// that left it null); one of the two is required, since PEFT and vLLM load an adapter onto the base it names.</param>
    public static void Save(LoraAdapter adapter, string dir, ScalarType dtype = ScalarType.Float32, string? baseModel = null)
    {
        var config = ConfigJson(adapter, baseModel ?? adapter.Config.BaseModel
            ?? throw new ArgumentException($"adapter '{adapter.Name}' does not say which base model it applies to"));
        Directory.CreateDirectory(dir);
        using var scope = NewDisposeScope();
        var tensors = adapter.Weights.SelectMany(kv => new[]
        {
            (Prefix + kv.Key + ".lora_A.weight", kv.Value.A.detach().to_type(dtype)),
            (Prefix + kv.Key + ".lora_B.weight", kv.Value.B.detach().to_type(dtype)),
        });
        SafeTensorsWriter.Write(Path.Combine(dir, WeightsFile), tensors, new Dictionary<string, string> { ["format"] = "pt" });
        File.WriteAllText(Path.Combine(dir, ConfigFile), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    static JsonObject ConfigJson(LoraAdapter adapter, string baseModel)
    {
        var c = adapter.Config;
        var targets = c.TargetRegex is not null
            ? (JsonNode)JsonValue.Create(c.TargetRegex)
            : new JsonArray(c.TargetModules.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        // The fields PEFT writes for a plain LoRA, as PEFT's LoraConfig and vLLM's PEFTHelper read them (docs/baking.md,
        // "Exporting"); defaulted ones are left to PEFT. No peft_version: PEFT did not write this file.
        return new JsonObject
        {
            ["peft_type"] = "LORA",
            ["task_type"] = "CAUSAL_LM",
            ["base_model_name_or_path"] = baseModel,
            ["r"] = c.Rank,
            ["lora_alpha"] = c.Alpha,
            ["lora_dropout"] = JsonNode.Parse("0.0"),   // a float, as PEFT types it (a bare 0 reads as an int)
            ["target_modules"] = targets,
            ["bias"] = "none",
            ["fan_in_fan_out"] = c.FanInFanOut,
            ["use_rslora"] = c.UseRsLora,
            ["use_dora"] = false,
            ["init_lora_weights"] = true,
            ["inference_mode"] = true,
            ["modules_to_save"] = null,
            ["rank_pattern"] = new JsonObject((c.RankPattern ?? new Dictionary<string, int>()).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["alpha_pattern"] = new JsonObject((c.AlphaPattern ?? new Dictionary<string, double>()).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
    }
}
