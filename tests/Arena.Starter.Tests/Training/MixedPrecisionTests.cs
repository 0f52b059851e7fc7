using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Starter.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Tests.Training;

[Collection(TrainingCollection.Name)]
public class MixedPrecisionTests
{
    internal static ModelConfig TinyLlama() => ModelConfigReader.Parse((JsonObject)JsonNode.Parse("""
        {"architectures":["LlamaForCausalLM"],"model_type":"llama","vocab_size":64,"hidden_size":64,"intermediate_size":128,
         "num_hidden_layers":2,"num_attention_heads":2,"num_key_value_heads":1,"max_position_embeddings":128,
         "rms_norm_eps":1e-6,"rope_theta":10000.0,"tie_word_embeddings":true}
        """)!, "config.json");

    /// <summary>Sequences of a fixed rule (next = 5·prev + 3 mod 61, random start): learnable from the previous token alone.</summary>
    internal static List<TrainingExample> RuleExamples()
    {
        var rng = new Random(2);
        return Enumerable.Range(0, 256).Select(_ =>
        {
            var ids = new int[24];
            ids[0] = rng.Next(1, 61);
            for (int i = 1; i < ids.Length; i++) ids[i] = (ids[i - 1] * 5 + 3) % 61;
            return new TrainingExample(ids, [false, .. Enumerable.Repeat(true, ids.Length - 1)]);
        }).ToList();
    }

    [Fact]
    public void ABf16ModelTrainsAsWellAsFloat32AndStaysBf16()
    {
        var examples = RuleExamples();
        double Train(ScalarType dtype)
        {
            using var model = ModelFactory.Create(TinyLlama(), dtype, CPU);
            WeightInit.Normal(model, 0.02, seed: 1);
            var loss = new LanguageModelTrainer(model, new TrainingOptions { LearningRate = 1e-2, MaxSteps = 120, BatchSize = 16, SequenceLength = 24, WarmupSteps = 10 })
                .Train(examples);
            Assert.All(model.parameters(), p => Assert.Equal(dtype, p.dtype));
            Assert.All(model.parameters(), p => Assert.False(p.requires_grad));
            return loss;
        }
        var f32 = Train(ScalarType.Float32);
        var bf16 = Train(ScalarType.BFloat16);
        Assert.True(f32 < 0.5, $"float32 loss {f32}");               // from ln 64 ≈ 4.2
        Assert.True(bf16 < 0.5, $"bf16 loss {bf16}");
        Assert.True(Math.Abs(bf16 - f32) < 0.15, $"bf16 {bf16} vs float32 {f32}");
    }

    [Fact]
    public void MasterWeightsKeepTheUpdatesThatBf16WouldRoundAway()
    {
        // AdamW moves a weight by ~lr a step; at 1.0 bf16's spacing is 2^-8, so 1e-3 steps round back to 1.0.
        float After(bool masters)
        {
            using var p = new Parameter(ones(4, dtype: ScalarType.BFloat16), requires_grad: true);
            using var m = masters ? new MasterWeights([p]) : null;
            var trained = m?.Masters ?? [p];
            using var optimizer = optim.AdamW(trained, lr: 1e-3, weight_decay: 0);
            for (int step = 0; step < 20; step++)
            {
                optimizer.zero_grad();
                using (var loss = p.mul(2).sum()) loss.backward();
                m?.GatherGradients();
                optimizer.step();
                m?.Publish();
            }
            Assert.Equal(ScalarType.BFloat16, p.dtype);
            if (m is not null) Assert.Equal(0.98f, m.Masters[0][0].item<float>(), 3);
            return p[0].to_type(ScalarType.Float32).item<float>();
        }
        Assert.Equal(1f, After(masters: false));                       // pure bf16: no step survives rounding
        Assert.Equal(0.98f, After(masters: true), 2);                  // with masters: 20 steps of 1e-3
    }
}
