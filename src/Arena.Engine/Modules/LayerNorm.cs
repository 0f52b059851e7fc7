using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>GPT-2's LayerNorm with the checkpoint's key names (weight, bias).</summary>
public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter bias;
    readonly double eps;

    public LayerNorm(string name, int size, double eps, ScalarType dtype, Device device) : base(name)
    {
        this.eps = eps;
        weight = new Parameter(ones(size, dtype: dtype, device: device), requires_grad: false);
        bias = new Parameter(zeros(size, dtype: dtype, device: device), requires_grad: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => nn.functional.layer_norm(x, [weight.shape[0]], weight, bias, eps);
}
