using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>A lookup table (num, dim) with the checkpoint's key name "weight".</summary>
public sealed class Embedding : nn.Module<Tensor, Tensor>
{
    public Parameter weight;

    public Embedding(string name, int num, int dim, ScalarType dtype, Device device) : base(name)
    {
        weight = new Parameter(empty(num, dim, dtype: dtype, device: device), requires_grad: false);
        RegisterComponents();
    }

    /// <summary>ids (B, T) → (B, T, dim).</summary>
    public override Tensor forward(Tensor ids)
    {
        using var flat = ids.reshape(-1);
        using var rows = weight.index_select(0, flat);
        return rows.view(ids.shape[0], ids.shape[1], weight.shape[1]);
    }
}
