using static TorchSharp.torch;

namespace Arena.Engine.Lora;

/// <summary>
/// A LoRA adapter: its config and, per target projection path, the pair A (r, in), B (out, r). It is data only;
/// <see cref="AdapterExtensions"/> attaches it to a model (several adapters may share one base).
/// </summary>
public sealed class LoraAdapter(string name, LoraConfig config, Dictionary<string, (Tensor A, Tensor B)> weights) : IDisposable
{
    public string Name { get; } = name;
    public LoraConfig Config { get; } = config;
    public IReadOnlyDictionary<string, (Tensor A, Tensor B)> Weights { get; } = weights;

    public long ParameterCount => Weights.Values.Sum(w => w.A.NumberOfElements + w.B.NumberOfElements);

    public IEnumerable<Tensor> Parameters() => Weights.Values.SelectMany(w => new[] { w.A, w.B });

    /// <summary>A detached deep copy (a snapshot of a training adapter: best epoch, early-stop checkpoint).</summary>
    public LoraAdapter Clone(string name) =>
        new(name, Config, Weights.ToDictionary(kv => kv.Key, kv => (kv.Value.A.detach().clone(), kv.Value.B.detach().clone())));

    public void Dispose()
    {
        foreach (var (a, b) in Weights.Values)
        {
            a.Dispose();
            b.Dispose();
        }
    }
}
