using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>GPT-2 feed-forward: c_proj(gelu_new(c_fc(x))).</summary>
public sealed class Gpt2Mlp : nn.Module<Tensor, Tensor>
{
    public LoraLinear c_fc, c_proj;
    readonly bool exactGelu;

    public Gpt2Mlp(ModelConfig c, ScalarType dtype, Device device) : base("mlp")
    {
        c_fc = new LoraLinear("c_fc", c.HiddenSize, c.IntermediateSize, true, dtype, device, storedTransposed: true);
        c_proj = new LoraLinear("c_proj", c.IntermediateSize, c.HiddenSize, true, dtype, device, storedTransposed: true);
        exactGelu = c.HiddenAct == "gelu";
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = c_fc.forward(x);
        h = exactGelu ? nn.functional.gelu(h) : nn.functional.gelu(h, TorchSharp.Modules.GELU.Approximate.tanh);
        return c_proj.forward(h).MoveToOuterDisposeScope();
    }
}
