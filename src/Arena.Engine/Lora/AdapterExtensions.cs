using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Lora;

/// <summary>Attaching, dialling, detaching, merging and creating LoRA adapters on a loaded model.</summary>
public static class AdapterExtensions
{
    /// <summary>
    /// Attaches <paramref name="adapter"/> at <paramref name="strength"/> after checking it fits this base: every
    /// adapted projection must exist with matching in/out sizes (an adapter for another base fails here).
    /// <paramref name="source"/> names the adapter's file in errors.
    /// </summary>
    public static void Attach(this CausalLM model, LoraAdapter adapter, double strength = 1.0, string? source = null)
    {
        var where = source ?? $"adapter '{adapter.Name}'";
        var projections = model.Projections();
        foreach (var (path, (a, b)) in adapter.Weights)
        {
            if (!projections.TryGetValue(path, out var proj))
                throw new CheckpointException(where, $"adapts '{path}', which this {model.Config.ModelType} base does not have (adapter for another base?)");
            if (a.shape.Length != 2 || b.shape.Length != 2 || a.shape[1] != proj.InFeatures || b.shape[0] != proj.OutFeatures || a.shape[0] != b.shape[1])
                throw new CheckpointException(where, $"'{path}' has A [{string.Join(",", a.shape)}] B [{string.Join(",", b.shape)}], base projection is {proj.InFeatures}→{proj.OutFeatures} (adapter for another base?)");
        }
        if (projections.Values.Any(p => p.Adapters.Any(d => d.Adapter == adapter.Name)))
            throw new InvalidOperationException($"an adapter named '{adapter.Name}' is already attached");
        foreach (var (path, (a, b)) in adapter.Weights)
            projections[path].Attach(new LoraDelta(adapter.Name, a, b, adapter.Config.ScaleFor(path)) { Strength = strength });
    }

    public static void SetStrength(this CausalLM model, string adapter, double strength)
    {
        foreach (var d in Deltas(model, adapter)) d.Strength = strength;
    }

    public static void SetEnabled(this CausalLM model, string adapter, bool enabled)
    {
        foreach (var d in Deltas(model, adapter)) d.Enabled = enabled;
    }

    /// <summary>Removes the adapter from every projection. Its tensors stay owned by the <see cref="LoraAdapter"/>.</summary>
    public static void Detach(this CausalLM model, string adapter)
    {
        foreach (var p in model.Projections().Values) p.Detach(adapter);
    }

    public static IReadOnlyList<string> AttachedAdapters(this CausalLM model) =>
        model.Projections().Values.SelectMany(p => p.Adapters.Select(d => d.Adapter)).Distinct().ToList();

    /// <summary>Folds the adapter (at its current strength) into the base weights and detaches it: W += s·α/r · B A.</summary>
    public static void Merge(this CausalLM model, string adapter)
    {
        using var noGrad = no_grad();
        foreach (var p in model.Projections().Values)
        {
            var d = p.Adapters.FirstOrDefault(x => x.Adapter == adapter);
            if (d is null) continue;
            if (d.Enabled)
            {
                using var delta = d.Dense().to_type(p.weight.dtype);
                p.weight.add_(delta);
            }
            p.Detach(adapter);
        }
    }

    /// <summary>
    /// A fresh trainable adapter on the projections whose names are in <paramref name="config"/>'s targets, initialised as
    /// PEFT does (A Kaiming-uniform, B zero, so the model starts exactly at its parent). A and B require grad.
    /// </summary>
    public static LoraAdapter CreateAdapter(this CausalLM model, string name, LoraConfig config, long seed)
    {
        var weights = new Dictionary<string, (Tensor A, Tensor B)>();
        var gen = new Generator((ulong)seed, model.Device);
        foreach (var (path, proj) in model.Projections().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!config.Targets(path)) continue;
            var r = config.RankFor(path);
            var bound = 1.0 / Math.Sqrt(proj.InFeatures); // kaiming_uniform(a=√5): √(6 / ((1 + 5)·fan_in))
            var a = rand(r, proj.InFeatures, dtype: ScalarType.Float32, device: model.Device, generator: gen).mul_(2 * bound).sub_(bound);
            var b = zeros(proj.OutFeatures, r, dtype: ScalarType.Float32, device: model.Device);
            weights[path] = (new Parameter(a, requires_grad: true), new Parameter(b, requires_grad: true)); // float32 master weights, whatever the base dtype
        }
        if (weights.Count == 0)
            throw new ArgumentException($"no projection matches the targets [{string.Join(",", config.TargetModules)}]; this model has e.g. {string.Join(", ", model.Projections().Keys.Select(k => k.Split('.')[^1]).Distinct())}");
        var fanInFanOut = weights.Keys.Any(k => model.Projections()[k].StoredTransposed);
        return new LoraAdapter(name, config with { FanInFanOut = fanInFanOut }, weights);
    }

    static IEnumerable<LoraDelta> Deltas(CausalLM model, string adapter) =>
        model.Projections().Values.SelectMany(p => p.Adapters.Where(d => d.Adapter == adapter));
}
