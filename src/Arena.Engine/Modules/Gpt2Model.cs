using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>The GPT-2 trunk (key prefix "transformer."): token and position embeddings, blocks, final LayerNorm.</summary>
public sealed class Gpt2Model : nn.Module
{
    public Embedding wte, wpe;
    public ModuleList<Gpt2Block> h;
    public LayerNorm ln_f;

    public Gpt2Model(ModelConfig c, ScalarType dtype, Device device) : base("transformer")
    {
        wte = new Embedding("wte", c.VocabSize, c.HiddenSize, dtype, device);
        wpe = new Embedding("wpe", c.MaxPositionEmbeddings, c.HiddenSize, dtype, device);
        h = new ModuleList<Gpt2Block>(Enumerable.Range(0, c.NumLayers).Select(i => new Gpt2Block(c, i, dtype, device)).ToArray());
        ln_f = new LayerNorm("ln_f", c.HiddenSize, c.NormEps, dtype, device);
        RegisterComponents();
    }

    public Tensor forward(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var x = wte.forward(ids).add(wpe.forward(positions));
        var ctx = new AttentionContext(null, null, mask, cache);
        foreach (var block in h) x = block.forward(x, ctx);
        return ln_f.forward(x).MoveToOuterDisposeScope();
    }
}
