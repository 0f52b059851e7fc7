using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Lora;

/// <summary>
/// What an exported adapter_config.json claims, checked against the field rules PEFT's LoraConfig and vLLM's
/// PEFTHelper document (peft/tuners/lora/config.py; vllm/lora/peft_helper.py `from_dict` and `validate_legal`):
/// the fields they require, the values they refuse, and nothing Arena cannot vouch for.
/// </summary>
public class PeftExportTests
{
    /// <summary>vLLM's default `--max-lora-rank` is 16; a bake's default rank is 32, hence the documented flag.</summary>
    const int DocumentedMaxLoraRank = 32;

    static JsonObject Exported(string baseModel = "starter")
    {
        var dir = Fixture.TempDir();
        using var adapter = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "fixture", ScalarType.Float32, CPU);
        PeftFormat.Save(adapter, dir, baseModel: baseModel);
        return (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, PeftFormat.ConfigFile)))!;
    }

    [Fact]
    public void TheConfigPassesVllmsChecks()
    {
        var c = Exported();
        // from_dict: the required fields.
        foreach (var required in new[] { "r", "lora_alpha", "target_modules" }) Assert.NotNull(c[required]);
        // validate_legal and _validate_features.
        Assert.Equal("none", c["bias"]!.GetValue<string>());
        Assert.Null(c["modules_to_save"]);
        Assert.False(c["use_dora"]!.GetValue<bool>());
        var ranks = new[] { c["r"]!.GetValue<int>() }.Concat(c["rank_pattern"]!.AsObject().Select(kv => kv.Value!.GetValue<int>()));
        Assert.True(ranks.Max() <= DocumentedMaxLoraRank);
        Assert.True(c["lora_alpha"]!.GetValue<double>() > 0);
    }

    [Fact]
    public void TheConfigPassesPeftsChecksAndClaimsNothingFalse()
    {
        var c = Exported();
        Assert.Equal("LORA", c["peft_type"]!.GetValue<string>());
        Assert.Equal("CAUSAL_LM", c["task_type"]!.GetValue<string>());
        Assert.True(c["r"]!.GetValue<int>() > 0);
        Assert.True(c["target_modules"] is JsonArray { Count: > 0 } or JsonValue);
        // A float in the file, as PEFT types it: "0.0", not "0".
        Assert.Equal("0.0", c["lora_dropout"]!.ToJsonString());
        Assert.True(c["init_lora_weights"]!.GetValue<bool>());
        Assert.Equal("starter", c["base_model_name_or_path"]!.GetValue<string>());
        // PEFT did not write this file, so it does not say which PEFT version did.
        Assert.False(c.ContainsKey("peft_version"));
    }

    [Fact]
    public void AnAdapterWithoutABaseIsNotWritten()
    {
        using var adapter = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "fixture", ScalarType.Float32, CPU);
        Assert.Null(adapter.Config.BaseModel);   // PEFT itself wrote null here
        var e = Assert.Throws<ArgumentException>(() => PeftFormat.Save(adapter, Fixture.TempDir()));
        Assert.Contains("does not say which base model", e.Message);
    }

    [Fact]
    public void TheBaseIsNamedByItsHubIdOrFolderNeverByAPathOnThisMachine()
    {
        var root = Fixture.TempDir();
        var local = Directory.CreateDirectory(Path.Combine(root, "my-model")).FullName;
        File.WriteAllText(Path.Combine(local, "config.json"), """{"_name_or_path": "/home/someone/checkpoints/run7"}""");
        Assert.Equal("my-model", CheckpointName.Of(local + "/"));

        var hub = Directory.CreateDirectory(Path.Combine(root, "mistral")).FullName;
        File.WriteAllText(Path.Combine(hub, "config.json"), """{"_name_or_path": "mistralai/Mistral-7B-v0.3"}""");
        Assert.Equal("mistralai/Mistral-7B-v0.3", CheckpointName.Of(hub));

        Assert.Equal("starter", CheckpointName.Of("starter"));   // the worker's label: a base model's name
    }
}
