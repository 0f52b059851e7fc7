using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>The Llama-family trunk (key prefix "model."): token embedding, decoder layers, final norm.</summary>
public sealed class LlamaModel : nn.Module
{
    public Embedding embed_tokens;
    public ModuleList<LlamaDecoderLayer> layers;
    public RmsNorm norm;
    readonly Tensor invFreq;

    public LlamaModel(ModelConfig c, ScalarType dtype, Device device) : base("model")
    {
        embed_tokens = new Embedding("embed_tokens", c.VocabSize, c.HiddenSize, dtype, device);
        layers = new ModuleList<LlamaDecoderLayer>(Enumerable.Range(0, c.NumLayers).Select(i => new LlamaDecoderLayer(c, i, dtype, device)).ToArray());
        norm = new RmsNorm("norm", c.HiddenSize, c.NormEps, dtype, device);
        invFreq = Rope.InverseFrequencies(c.HeadDim, c.RopeTheta, c.RopeScaling, device);
        RegisterComponents();
    }

    /// <summary>ids (B, T), positions (B, T) → hidden states (B, T, C) after the final norm.</summary>
    public Tensor forward(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var x = embed_tokens.forward(ids);
        var (cos, sin) = Rope.Tables(positions, invFreq, x.dtype);
        var ctx = new AttentionContext(cos, sin, mask, cache);
        foreach (var layer in layers) x = layer.forward(x, ctx);
        return norm.forward(x).MoveToOuterDisposeScope();
    }
}
