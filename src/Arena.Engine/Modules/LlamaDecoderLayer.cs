using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Pre-norm transformer block: x + attn(norm(x)), then x + mlp(norm(x)).</summary>
public sealed class LlamaDecoderLayer : nn.Module
{
    public RmsNorm input_layernorm, post_attention_layernorm;
    public LlamaAttention self_attn;
    public LlamaMlp mlp;

    public LlamaDecoderLayer(ModelConfig c, int index, ScalarType dtype, Device device) : base(index.ToString())
    {
        input_layernorm = new RmsNorm("input_layernorm", c.HiddenSize, c.NormEps, dtype, device);
        self_attn = new LlamaAttention(c, index, dtype, device);
        post_attention_layernorm = new RmsNorm("post_attention_layernorm", c.HiddenSize, c.NormEps, dtype, device);
        mlp = new LlamaMlp(c, dtype, device);
        RegisterComponents();
    }

    public Tensor forward(Tensor x, AttentionContext ctx)
    {
        using var scope = NewDisposeScope();
        x = x.add(self_attn.forward(input_layernorm.forward(x), ctx));
        x = x.add(mlp.forward(post_attention_layernorm.forward(x)));
        return x.MoveToOuterDisposeScope();
    }
}
