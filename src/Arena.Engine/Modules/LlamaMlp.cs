using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>SwiGLU feed-forward: down(silu(gate(x)) · up(x)).</summary>
public sealed class LlamaMlp : nn.Module<Tensor, Tensor>
{
    public LoraLinear gate_proj, up_proj, down_proj;

    public LlamaMlp(ModelConfig c, ScalarType dtype, Device device) : base("mlp")
    {
        gate_proj = new LoraLinear("gate_proj", c.HiddenSize, c.IntermediateSize, c.MlpBias, dtype, device);
        up_proj = new LoraLinear("up_proj", c.HiddenSize, c.IntermediateSize, c.MlpBias, dtype, device);
        down_proj = new LoraLinear("down_proj", c.IntermediateSize, c.HiddenSize, c.MlpBias, dtype, device);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.silu(gate_proj.forward(x)).mul_(up_proj.forward(x));
        return down_proj.forward(h).MoveToOuterDisposeScope();
    }
}
