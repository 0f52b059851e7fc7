using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Multi-head attention with RoPE and grouped-query k/v (Llama, Mistral, Qwen2 with q/k/v bias, Qwen3 with q/k norm).</summary>
public sealed class LlamaAttention : nn.Module
{
    public LoraLinear q_proj, k_proj, v_proj, o_proj;
    public RmsNorm? q_norm, k_norm;
    readonly int nh, nkv, hd;
    readonly int layer;

    public LlamaAttention(ModelConfig c, int layer, ScalarType dtype, Device device) : base("self_attn")
    {
        (nh, nkv, hd, this.layer) = (c.NumHeads, c.NumKvHeads, c.HeadDim, layer);
        q_proj = new LoraLinear("q_proj", c.HiddenSize, nh * hd, c.AttentionBias, dtype, device);
        k_proj = new LoraLinear("k_proj", c.HiddenSize, nkv * hd, c.AttentionBias, dtype, device);
        v_proj = new LoraLinear("v_proj", c.HiddenSize, nkv * hd, c.AttentionBias, dtype, device);
        o_proj = new LoraLinear("o_proj", nh * hd, c.HiddenSize, c.OutputBias, dtype, device);
        if (c.QkNorm)
        {
            q_norm = new RmsNorm("q_norm", hd, c.NormEps, dtype, device);
            k_norm = new RmsNorm("k_norm", hd, c.NormEps, dtype, device);
        }
        RegisterComponents();
    }

    /// <summary>This layer's index in the model.</summary>
    public int Layer => layer;

    /// <summary>Shown every forward step's queries, keys and head outputs when set (training only; null otherwise).</summary>
    public IAttentionObserver? Observer { get; set; }

    public Tensor forward(Tensor x, AttentionContext ctx)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        var q = q_proj.forward(x).view(b, t, nh, hd);           // (B, T, nh, hd)
        var k = k_proj.forward(x).view(b, t, nkv, hd);          // (B, T, n_kv, hd)
        var v = v_proj.forward(x).view(b, t, nkv, hd);
        if (q_norm is not null) q = q_norm.forward(q);
        if (k_norm is not null) k = k_norm.forward(k);
        q = Rope.Apply(q.transpose(1, 2), ctx.Cos!, ctx.Sin!);  // (B, nh, T, hd)
        k = Rope.Apply(k.transpose(1, 2), ctx.Cos!, ctx.Sin!);  // (B, n_kv, T, hd)
        v = v.transpose(1, 2);
        if (ctx.Cache is { } cache) (k, v) = cache.Append(layer, k, v);
        var y = Attention.Sdpa(q, k, v, ctx.Mask, nh / nkv);    // (B, nh, T, hd)
        Observer?.Observe(this, q, k, ctx.Mask, y);
        y = y.transpose(1, 2).reshape(b, t, nh * hd);           // (B, T, C)
        return o_proj.forward(y).MoveToOuterDisposeScope();
    }
}
