using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>GPT-2 block: x + attn(ln_1(x)), then x + mlp(ln_2(x)) with a tanh-approximated GELU.</summary>
public sealed class Gpt2Block : nn.Module
{
    public LayerNorm ln_1, ln_2;
    public Gpt2Attention attn;
    public Gpt2Mlp mlp;

    public Gpt2Block(ModelConfig c, int index, ScalarType dtype, Device device) : base(index.ToString())
    {
        ln_1 = new LayerNorm("ln_1", c.HiddenSize, c.NormEps, dtype, device);
        attn = new Gpt2Attention(c, index, dtype, device);
        ln_2 = new LayerNorm("ln_2", c.HiddenSize, c.NormEps, dtype, device);
        mlp = new Gpt2Mlp(c, dtype, device);
        RegisterComponents();
    }

    public Tensor forward(Tensor x, AttentionContext ctx)
    {
        using var scope = NewDisposeScope();
        x = x.add(attn.forward(ln_1.forward(x), ctx));
        x = x.add(mlp.forward(ln_2.forward(x)));
        return x.MoveToOuterDisposeScope();
    }
}
