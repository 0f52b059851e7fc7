using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;

namespace Arena.Starter.Build;

/// <summary>The starter model's architecture, as the engine's config and as a standard Llama config.json.</summary>
public static class StarterConfig
{
    public static JsonObject ConfigJson(StarterBuildOptions o, int vocab, int bosId, int eosId, int padId) => new()
    {
        ["architectures"] = new JsonArray("LlamaForCausalLM"),
        ["model_type"] = "llama",
        ["vocab_size"] = vocab,
        ["hidden_size"] = o.HiddenSize,
        ["intermediate_size"] = o.IntermediateSize,
        ["num_hidden_layers"] = o.Layers,
        ["num_attention_heads"] = o.Heads,
        ["num_key_value_heads"] = o.KvHeads,
        ["head_dim"] = o.HiddenSize / o.Heads,
        ["max_position_embeddings"] = o.ContextLength,
        ["rms_norm_eps"] = 1e-5,
        ["rope_theta"] = 10000.0,
        ["hidden_act"] = "silu",
        ["tie_word_embeddings"] = true,
        ["attention_bias"] = false,
        ["mlp_bias"] = false,
        ["bos_token_id"] = bosId,
        ["eos_token_id"] = eosId,
        ["pad_token_id"] = padId,
        ["torch_dtype"] = "bfloat16",
    };

    public static ModelConfig Parse(JsonObject json) => ModelConfigReader.Parse(json, "config.json");
}
