using Arena.Engine.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Checkpoints;

/// <summary>
/// Loads a Hugging Face model folder strictly: every parameter of the module tree must be in the checkpoint with the
/// shape the config implies, and every checkpoint tensor must be used (a few known non-weights excepted).
/// </summary>
public static class ModelLoader
{
    // Tensors transformers may save that are not weights of ours: GPT-2's causal-mask buffers, old rotary caches,
    // and lm_head when the config ties it to the embedding.
    static bool Ignorable(string key, ModelConfig c) =>
        key.EndsWith(".attn.bias") || key.EndsWith(".attn.masked_bias") || key.EndsWith("rotary_emb.inv_freq")
        || (c.TieWordEmbeddings && key == "lm_head.weight");

    public static CausalLM Load(string dir, ScalarType dtype, Device device)
    {
        if (!Directory.Exists(dir)) throw new CheckpointException(dir, "model folder not found");
        var config = ModelConfigReader.ReadFile(Path.Combine(dir, "config.json"));
        var model = ModelFactory.Create(config, dtype, device);
        try
        {
            using var weights = new ShardedSafeTensors(dir);
            LoadWeights(model, weights);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return model;
    }

    static void LoadWeights(CausalLM model, ShardedSafeTensors weights)
    {
        var transposed = TransposedWeights(model);
        var used = new HashSet<string>();
        using var noGrad = no_grad();
        foreach (var (name, p) in model.named_parameters())
        {
            var key = FindKey(weights, name, model.Config)
                ?? throw new CheckpointException(Path.Combine("(model folder)", "model.safetensors"), $"missing tensor '{name}'");
            used.Add(key);
            weights.TryGet(key, out var file, out var info);
            var expected = transposed.Contains(name) ? p.shape.Reverse().ToArray() : p.shape;
            if (!info.Shape.SequenceEqual(expected))
                throw new CheckpointException(file.Path, $"tensor '{key}' has shape [{string.Join(",", info.Shape)}], config implies [{string.Join(",", expected)}]");
            using var t = file.Read(key, p.dtype, p.device);
            if (transposed.Contains(name)) { using var tt = t.t(); p.copy_(tt); }
            else p.copy_(t);
        }
        foreach (var key in weights.Names)
            if (!used.Contains(key) && !Ignorable(key, model.Config))
            {
                weights.TryGet(key, out var file, out _);
                throw new CheckpointException(file.Path, $"unexpected tensor '{key}' (not part of a {model.Config.ModelType} model with this config)");
            }
    }

    /// <summary>GPT-2 checkpoints sometimes drop the "transformer." prefix; everything else must match exactly.</summary>
    static string? FindKey(ShardedSafeTensors w, string name, ModelConfig c)
    {
        if (w.TryGet(name, out _, out _)) return name;
        if (c.IsGpt2 && name.StartsWith("transformer.") && w.TryGet(name["transformer.".Length..], out _, out _))
            return name["transformer.".Length..];
        return null;
    }

    internal static HashSet<string> TransposedWeights(CausalLM model) =>
        model.Projections().Where(p => p.Value.StoredTransposed).Select(p => p.Key + ".weight").ToHashSet();
}
