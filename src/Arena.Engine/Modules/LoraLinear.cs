using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>
/// A linear projection (weight (out, in), optional bias) that can carry any number of LoRA adapters. Adapters live
/// outside the module's registered parameters, so the base state dict keeps exactly the checkpoint's keys, and the
/// base stays frozen while an adapter trains.
/// </summary>
public sealed class LoraLinear : nn.Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter? bias;
    readonly List<LoraDelta> adapters = [];

    public int InFeatures { get; }
    public int OutFeatures { get; }
    /// <summary>GPT-2 stores Conv1D weights as (in, out); they are transposed on load and back on save.</summary>
    public bool StoredTransposed { get; }

    public LoraLinear(string name, int inFeatures, int outFeatures, bool hasBias, ScalarType dtype, Device device, bool storedTransposed = false)
        : base(name)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        StoredTransposed = storedTransposed;
        weight = new Parameter(empty(outFeatures, inFeatures, dtype: dtype, device: device), requires_grad: false);
        bias = hasBias ? new Parameter(empty(outFeatures, dtype: dtype, device: device), requires_grad: false) : null;
        RegisterComponents();
    }

    public IReadOnlyList<LoraDelta> Adapters => adapters;

    public void Attach(LoraDelta delta)
    {
        if (adapters.Any(d => d.Adapter == delta.Adapter)) throw new InvalidOperationException($"adapter '{delta.Adapter}' is already attached to {GetName()}");
        adapters.Add(delta);
    }

    public LoraDelta? Detach(string adapter)
    {
        var d = adapters.FirstOrDefault(x => x.Adapter == adapter);
        if (d is not null) adapters.Remove(d);
        return d;
    }

    public override Tensor forward(Tensor x)
    {
        var y = nn.functional.linear(x, weight, bias);
        foreach (var d in adapters)
            if (d.Enabled && d.Strength != 0) y = y.add_(d.Apply(x));
        return y;
    }
}
