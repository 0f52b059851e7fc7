using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>GPT-2 attention: one fused c_attn projection to q, k, v; learned absolute positions live in the trunk.</summary>
public sealed class Gpt2Attention : nn.Module
{
    public LoraLinear c_attn, c_proj;
    readonly int nh, hd, layer;

    public Gpt2Attention(ModelConfig c, int layer, ScalarType dtype, Device device) : base("attn")
    {
        (nh, hd, this.layer) = (c.NumHeads, c.HeadDim, layer);
        c_attn = new LoraLinear("c_attn", c.HiddenSize, 3 * c.HiddenSize, true, dtype, device, storedTransposed: true);
        c_proj = new LoraLinear("c_proj", c.HiddenSize, c.HiddenSize, true, dtype, device, storedTransposed: true);
        RegisterComponents();
    }

    public Tensor forward(Tensor x, AttentionContext ctx)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1], c = x.shape[2];
        var qkv = c_attn.forward(x).split(c, 2);                          // 3 × (B, T, C)
        var q = qkv[0].view(b, t, nh, hd).transpose(1, 2);                // (B, nh, T, hd)
        var k = qkv[1].view(b, t, nh, hd).transpose(1, 2);
        var v = qkv[2].view(b, t, nh, hd).transpose(1, 2);
        if (ctx.Cache is { } cache) (k, v) = cache.Append(layer, k, v);
        var y = Attention.Sdpa(q, k, v, ctx.Mask, 1).transpose(1, 2).reshape(b, t, c);
        return c_proj.forward(y).MoveToOuterDisposeScope();
    }
}
