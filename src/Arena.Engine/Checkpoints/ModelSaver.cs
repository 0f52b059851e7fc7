using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Checkpoints;

/// <summary>Writes a model as a Hugging Face folder (config.json + model.safetensors) that transformers can load.</summary>
public static class ModelSaver
{
    /// <summary>
    /// Saves weights under their checkpoint keys (GPT-2 Conv1D weights transposed back to (in, out)).
    /// <paramref name="configJson"/> is the original config.json, copied with "torch_dtype"/"dtype" updated to <paramref name="dtype"/>.
    /// </summary>
    public static void Save(CausalLM model, string dir, JsonObject configJson, ScalarType? dtype = null)
    {
        Directory.CreateDirectory(dir);
        var target = dtype ?? model.DType;
        var transposed = ModelLoader.TransposedWeights(model);
        using var scope = NewDisposeScope();
        var tensors = model.named_parameters()
            .Select(np => (np.name, transposed.Contains(np.name) ? np.parameter.t().contiguous() : np.parameter))
            .Select(x => (x.name, (Tensor)x.Item2.detach().to_type(target)))
            .ToList();
        SafeTensorsWriter.Write(Path.Combine(dir, "model.safetensors"), tensors, new Dictionary<string, string> { ["format"] = "pt" });
        var cfg = (JsonObject)configJson.DeepClone();
        var dtypeName = target switch { ScalarType.BFloat16 => "bfloat16", ScalarType.Float16 => "float16", _ => "float32" };
        cfg["dtype"] = dtypeName;
        cfg.Remove("torch_dtype");
        File.WriteAllText(Path.Combine(dir, "config.json"), cfg.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
