using System.Globalization;
using Arena.Contracts.Models;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine;

/// <summary>One layer of a stack: a PEFT adapter folder, the strength it applies at, and the name reports and errors
/// give it (the CLI's path as typed, the worker's path in the artifact store rather than its mount point).</summary>
public sealed record StackLayer(string Dir, double Strength, string Label);

/// <summary>
/// A base model with PEFT adapters attached in order, each at its strength: what `--adapter DIR[:s]...` on the command
/// line and a worker's ModelSpec both describe. Owns the model and the adapters.
/// </summary>
public sealed class ModelStack : IDisposable
{
    ModelStack(LanguageModel language, IReadOnlyList<LoraAdapter> adapters, IReadOnlyList<string> chain) =>
        (Language, Adapters, Chain) = (language, adapters, chain);

    public LanguageModel Language { get; }
    public IReadOnlyList<LoraAdapter> Adapters { get; }
    /// <summary>The base, then each adapter with its strength: the bake report's parent chain.</summary>
    public IReadOnlyList<string> Chain { get; }

    /// <param name="baseLabel">How the chain names the base (a folder path, or a base model's name).</param>
    public static ModelStack Load(string baseDir, string baseLabel, IReadOnlyList<StackLayer> layers, ScalarType dtype, Device device)
    {
        CheckStrengths(layers);   // before paying for the base load
        var language = LanguageModel.Load(baseDir, dtype, device);
        try
        {
            var adapters = AttachAll(language.Model, layers, dtype, device);
            return new ModelStack(language, adapters, [baseLabel, .. layers.Select(l => $"{l.Label}:{l.Strength.ToString(CultureInfo.InvariantCulture)}")]);
        }
        catch
        {
            language.Dispose();
            throw;
        }
    }

    /// <summary>Loads and attaches each layer in order to a model the caller owns (the logits and merge commands load
    /// the network alone, without a tokenizer); the caller disposes the adapters after the model is done.</summary>
    public static List<LoraAdapter> AttachAll(CausalLM model, IReadOnlyList<StackLayer> layers, ScalarType dtype, Device device)
    {
        CheckStrengths(layers);
        var adapters = new List<LoraAdapter>();
        try
        {
            for (int i = 0; i < layers.Count; i++)
            {
                var adapter = LoadAdapter(layers[i], i, dtype, device);
                adapters.Add(adapter);
                model.Attach(adapter, layers[i].Strength, source: Path.Combine(layers[i].Label, PeftFormat.WeightsFile));
            }
            return adapters;
        }
        catch
        {
            foreach (var a in adapters) a.Dispose();
            throw;
        }
    }

    static void CheckStrengths(IReadOnlyList<StackLayer> layers)
    {
        foreach (var l in layers)
            if (!AdapterRef.IsValidStrength(l.Strength))
                throw new ArgumentException($"adapter strength must be in -{AdapterRef.MaxStrength}..{AdapterRef.MaxStrength}, got {l.Strength} ({l.Label})");
    }

    static LoraAdapter LoadAdapter(StackLayer layer, int index, ScalarType dtype, Device device)
    {
        try
        {
            return PeftFormat.Load(layer.Dir, $"adapter{index}", dtype, device);
        }
        catch (CheckpointException e) when (layer.Label != layer.Dir)
        {
            // Name the file by the layer's label: the user knows that path, not the folder it resolved to.
            throw new CheckpointException(Path.Combine(layer.Label, Path.GetFileName(e.File)), e.Problem);
        }
    }

    public void Dispose()
    {
        Language.Dispose();
        foreach (var a in Adapters) a.Dispose();
    }
}
