using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Checkpoints;

/// <summary>Builds the module tree for a config, with uninitialised weights (loading or initialisation fills them).</summary>
public static class ModelFactory
{
    public static CausalLM Create(ModelConfig config, ScalarType dtype, Device device) => config.ModelType switch
    {
        "gpt2" => new Gpt2LMHeadModel(config, dtype, device),
        _ => new LlamaForCausalLM(config, dtype, device),
    };
}
