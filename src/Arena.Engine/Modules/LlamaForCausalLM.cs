using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Llama, Mistral, Qwen2 and Qwen3: the "model." trunk plus "lm_head" (absent when tied to the embedding).</summary>
public sealed class LlamaForCausalLM : CausalLM
{
    public LlamaModel model;
    public Embedding? lm_head;

    public LlamaForCausalLM(ModelConfig c, ScalarType dtype, Device device) : base("LlamaForCausalLM", c, dtype, device)
    {
        model = new LlamaModel(c, dtype, device);
        lm_head = c.TieWordEmbeddings ? null : new Embedding("lm_head", c.VocabSize, c.HiddenSize, dtype, device);
        RegisterComponents();
    }

    public override Tensor HeadWeight => (lm_head ?? model.embed_tokens).weight;

    protected override Tensor Trunk(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache) =>
        model.forward(ids, positions, mask, cache);
}
