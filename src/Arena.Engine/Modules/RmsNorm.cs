using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Root-mean-square norm, computed in float32 and cast back before the weight, as Hugging Face does.</summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    public Parameter weight;
    readonly double eps;

    public RmsNorm(string name, int size, double eps, ScalarType dtype, Device device) : base(name)
    {
        this.eps = eps;
        weight = new Parameter(ones(size, dtype: dtype, device: device), requires_grad: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = Normalize(x.to_type(ScalarType.Float32), eps);
        return weight.mul(h.to_type(x.dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>x / rms(x) over the last axis, without the learned weight.</summary>
    public static Tensor Normalize(Tensor x, double eps) => x.mul(x.pow(2).mean([-1], keepdim: true).add_(eps).rsqrt_());
}
