using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>GPT-2: the "transformer." trunk; the LM head is always the token embedding.</summary>
public sealed class Gpt2LMHeadModel : CausalLM
{
    public Gpt2Model transformer;

    public Gpt2LMHeadModel(ModelConfig c, ScalarType dtype, Device device) : base("GPT2LMHeadModel", c, dtype, device)
    {
        transformer = new Gpt2Model(c, dtype, device);
        RegisterComponents();
    }

    public override Tensor HeadWeight => transformer.wte.weight;

    protected override Tensor Trunk(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache) =>
        transformer.forward(ids, positions, mask, cache);
}
