using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Tests;

/// <summary>Module trees carry exactly the Hugging Face keys and shapes, checked on the meta device (no memory).</summary>
public class ArchitectureTests
{
    static Device Meta => new("meta");

    [Fact]
    public void Llama32OneBillionHasTheCheckpointKeysAndShapes()
    {
        using var model = ModelFactory.Create(ModelShapes.Get("llama-3.2-1b"), ScalarType.BFloat16, Meta);
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter.shape);
        Assert.Equal(16 * 9 + 2, p.Count);  // 9 tensors per layer, embedding, final norm; lm_head tied
        Assert.Equal([128256L, 2048], p["model.embed_tokens.weight"]);
        Assert.Equal([512L, 2048], p["model.layers.15.self_attn.k_proj.weight"]);
        Assert.Equal([2048L, 8192], p["model.layers.0.mlp.down_proj.weight"]);
        Assert.False(p.ContainsKey("lm_head.weight"));
        Assert.Equal(1_235_814_400L, model.parameters().Sum(x => x.NumberOfElements));
    }

    static ModelConfig Qwen3Config() => ModelConfigReader.Parse((JsonObject)JsonNode.Parse("""
        {"architectures":["Qwen3ForCausalLM"],"model_type":"qwen3","vocab_size":384,"hidden_size":64,"intermediate_size":160,
         "num_hidden_layers":2,"num_attention_heads":4,"num_key_value_heads":1,"head_dim":32,"max_position_embeddings":256,
         "rms_norm_eps":1e-6,"rope_parameters":{"rope_theta":1000000.0,"rope_type":"default"},"tie_word_embeddings":true,"attention_bias":false}
        """)!, "config.json");

    [Fact]
    public void Qwen3HasPerHeadQueryAndKeyNormsAndExplicitHeadDim()
    {
        using var model = ModelFactory.Create(Qwen3Config(), ScalarType.Float32, Meta);
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter.shape);
        Assert.Equal([32L], p["model.layers.0.self_attn.q_norm.weight"]);
        Assert.Equal([32L], p["model.layers.1.self_attn.k_norm.weight"]);
        Assert.Equal([128L, 64], p["model.layers.0.self_attn.q_proj.weight"]);   // 4 heads × 32 ≠ hidden 64
        Assert.Equal([32L, 64], p["model.layers.0.self_attn.k_proj.weight"]);
        Assert.Equal([64L, 128], p["model.layers.0.self_attn.o_proj.weight"]);
        Assert.DoesNotContain("model.layers.0.self_attn.q_proj.bias", p.Keys);
    }

    [Fact]
    public void Qwen3ForwardRunsAndCachedDecodingMatchesFullForward()
    {
        using var model = ModelFactory.Create(Qwen3Config(), ScalarType.Float32, CPU);
        WeightInit.Normal(model, 0.2, seed: 1);
        using var _ = no_grad();
        using var ids = randint(3, 384, [2, 10], dtype: ScalarType.Int64, generator: new Generator(3));
        using var full = model.Forward(ids);
        using var cache = model.NewCache(2, 10);
        using var prefix = model.Forward(ids.narrow(1, 0, 6), cache: cache);
        using var rest = model.Forward(ids.narrow(1, 6, 4), cache: cache);
        Assert.True(Fixture.MaxAbsDiff(rest, full.narrow(1, 6, 4)) <= 1e-4);
        Assert.False(full.isnan().any().item<bool>());
    }

    [Fact]
    public void Llama3RopeScalingStretchesOnlyLowFrequencies()
    {
        var s = new RopeScaling("llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMaxPositionEmbeddings: 64);
        using var plain = Rope.InverseFrequencies(16, 500000, RopeScaling.None, CPU);
        using var scaled = Rope.InverseFrequencies(16, 500000, s, CPU);
        var p = plain.data<float>().ToArray();
        var q = scaled.data<float>().ToArray();
        for (int i = 0; i < p.Length; i++)
        {
            // Reference in double precision, straight from Meta's formula.
            var wavelen = 2 * Math.PI / p[i];
            double expected = wavelen < 64 / 4.0 ? p[i]
                : wavelen > 64 / 1.0 ? p[i] / 8
                : (1 - (64 / wavelen - 1) / 3) * p[i] / 8 + (64 / wavelen - 1) / 3 * p[i];
            Assert.Equal(expected, q[i], 1e-6 * Math.Max(1, expected));
        }
        Assert.Equal(p[0], q[0]);           // the highest frequency is untouched
        Assert.Equal(p[^1] / 8, q[^1], 1e-9); // the lowest is divided by the factor
    }

    [Fact]
    public void Bf16ForwardStaysCloseToFloat32()
    {
        using var f32 = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        using var bf16 = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.BFloat16, CPU);
        using var ids = Fixture.Expected("llama", "input_ids").to_type(ScalarType.Int64);
        using var _ = no_grad();
        using var a = f32.Forward(ids);
        using var b = bf16.Forward(ids);
        Assert.Equal(ScalarType.BFloat16, b.dtype);
        Assert.True(Fixture.MaxAbsDiff(a, b) < 0.05, $"bf16 drift {Fixture.MaxAbsDiff(a, b)}");
    }
}
