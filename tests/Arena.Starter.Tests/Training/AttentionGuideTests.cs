using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Starter.Training;
using static TorchSharp.torch;

namespace Arena.Starter.Tests.Training;

[Collection(TrainingCollection.Name)]
public class AttentionGuideTests
{
    static ModelConfig TinyLlama(int layers = 2) => ModelConfigReader.Parse((JsonObject)JsonNode.Parse($$"""
        {"architectures":["LlamaForCausalLM"],"model_type":"llama","vocab_size":64,"hidden_size":64,"intermediate_size":128,
         "num_hidden_layers":{{layers}},"num_attention_heads":2,"num_key_value_heads":1,"max_position_embeddings":128,
         "rms_norm_eps":1e-6,"rope_theta":10000.0,"tie_word_embeddings":true}
        """)!, "config.json");

    [Fact]
    public void PreviousTokenTargetsAreTheDiagonalBelowAndInductionTargetsFollowEarlierCopies()
    {
        using var ids = tensor(new long[] { 5, 7, 5, 9, 0 }, [1, 5]);
        using var real = tensor(new[] { true, true, true, true, false }, [1, 5]);
        using var prev = AttentionGuide.Targets(HeadPattern.PreviousToken, ids, real);
        using var induction = AttentionGuide.Targets(HeadPattern.Induction, ids, real);
        bool At(Tensor t, int i, int j) => t[0, i, j].item<bool>();
        Assert.True(At(prev, 1, 0) && At(prev, 3, 2));
        Assert.Equal(3, prev.sum().item<long>());                       // query 4 is padding
        Assert.True(At(induction, 2, 1));                               // "5 7 … 5" attends to 7
        Assert.Equal(1, induction.sum().item<long>());                  // nothing else repeats
    }

    [Fact]
    public void PointerTargetsHoldTheNextTokenAndSkipTokensHeldMoreThanTwice()
    {
        using var ids = tensor(new long[] { 5, 7, 9, 3, 5 }, [1, 5]);
        using var next = tensor(new long[] { 7, 9, 3, 5, 7 }, [1, 5]);
        using var real = ones(1, 5, dtype: ScalarType.Bool);
        using var pointer = AttentionGuide.Targets(HeadPattern.Pointer, ids, real, next);
        Assert.True(pointer[0, 3, 0].item<bool>());                     // "3" predicts 5, held at 0
        Assert.True(pointer[0, 4, 1].item<bool>());                     // the second "5" predicts 7, held at 1
        Assert.Equal(2, pointer.sum().item<long>());                    // nothing else is held earlier

        using var common = tensor(new long[] { 4, 4, 4, 1 }, [1, 4]);
        using var commonNext = tensor(new long[] { 4, 4, 1, 4 }, [1, 4]);
        using var spread = AttentionGuide.Targets(HeadPattern.Pointer, common, ones(1, 4, dtype: ScalarType.Bool), commonNext);
        Assert.True(spread[0, 1, 0].item<bool>() && spread[0, 1, 1].item<bool>());  // held twice: both are targets
        Assert.False(spread[0, 3].any().item<bool>());                   // held three times: no pointer
        Assert.Equal(HeadPattern.Pointer, AttentionGuide.Parse("3.0:next", 1).Heads[0].Pattern);
    }

    [Fact]
    public void SentenceTargetsAreTheSentenceThatHoldsTheNextToken()
    {
        // "5 7 . 9 3 . 9" with "." = 1: the last 9 predicts 3, held in the second sentence (positions 3–5).
        using var ids = tensor(new long[] { 5, 7, 1, 9, 3, 1, 9 }, [1, 7]);
        using var next = tensor(new long[] { 7, 1, 9, 3, 1, 9, 3 }, [1, 7]);
        using var real = ones(1, 7, dtype: ScalarType.Bool);
        using var sentence = AttentionGuide.Targets(HeadPattern.Sentence, ids, real, next, [1]);
        Assert.Equal(new[] { false, false, false, true, true, true, false }, sentence[0, 6].data<bool>().ToArray());
        Assert.Equal(new[] { true, true, true, false, false }, sentence[0, 4, ..5].data<bool>().ToArray());  // "3" predicts ".", held at 2
        Assert.Equal(new[] { false, false, false, true, true, true }, sentence[0, 5, ..6].data<bool>().ToArray()); // "." predicts 9, held at 3
        Assert.Equal(9, sentence.sum().item<long>());    // nothing before position 4 is held earlier
        Assert.Equal(HeadPattern.Sentence, AttentionGuide.Parse("3.1:sent", 1).Heads[0].Pattern);
        Assert.Throws<ArgumentException>(() => AttentionGuide.Parse("1.0:sent", 1).Validate(TinyLlama()));  // no sentence ends
    }

    [Fact]
    public void SecondOrderInductionNeedsTheTwoLastTokensToMatch()
    {
        using var ids = tensor(new long[] { 5, 7, 9, 5, 7, 3, 7 }, [1, 7]);
        using var real = ones(1, 7, dtype: ScalarType.Bool);
        using var one = AttentionGuide.Targets(HeadPattern.Induction, ids, real);
        using var two = AttentionGuide.Targets(HeadPattern.Induction2, ids, real);
        Assert.Equal(4, one.sum().item<long>());   // 3→1, 4→2, 6→2, 6→5
        Assert.Equal(1, two.sum().item<long>());   // only "5 7" → 9
        Assert.True(two[0, 4, 2].item<bool>());
    }

    [Fact]
    public void GuidesParseFromLayerHeadPatternLists()
    {
        var g = AttentionGuide.Parse("0.0:prev, 1.1:ind,2.0:ind2", weight: 0.5, steps: 100);
        Assert.Equal([new GuidedHead(0, 0, HeadPattern.PreviousToken), new GuidedHead(1, 1, HeadPattern.Induction), new GuidedHead(2, 0, HeadPattern.Induction2)], g.Heads);
        Assert.Equal((0.5, 100), (g.Weight, g.Steps));
        Assert.Throws<ArgumentException>(() => AttentionGuide.Parse("0.0:sideways", 1));
        Assert.Throws<ArgumentException>(() => AttentionGuide.Parse("0:prev", 1));
        Assert.Equal(new GuidedHead(3, 0, HeadPattern.Pointer, 2.5), AttentionGuide.Parse("0.0:prev,3.0:next*2.5", 1).Heads[1]);
        Assert.Throws<ArgumentException>(() => AttentionGuide.Parse("3.0:next*-1", 1));
        Assert.Throws<ArgumentException>(() => AttentionGuide.Parse("3.0:next*much", 1));
        Assert.Throws<ArgumentException>(() => AttentionGuide.Parse("", 1).Validate(TinyLlama()));
    }

    [Fact]
    public void TappedLogWeightsAreTheAttentionThatSdpaApplies()
    {
        random.manual_seed(3);
        using var q = randn(2, 6, 8);
        using var k = randn(2, 6, 8);
        using var v = randn(2, 6, 8);
        using var logW = AttentionTaps.LogWeights(q, k, null);
        using var manual = logW.exp().matmul(v);
        using var sdpa = nn.functional.scaled_dot_product_attention(q.unsqueeze(1), k.unsqueeze(1), v.unsqueeze(1), is_casual: true).squeeze(1);
        Assert.True(manual.sub(sdpa).abs().max().item<float>() < 1e-5);
        Assert.Equal(float.NegativeInfinity, logW[0, 1, 2].item<float>()); // causal

        using var keys = tensor(new[] { true, true, false, true, true, true }, [1, 6]).expand(2, 6);
        using var mask = AttentionMask.Build(keys, 6);
        using var maskedLogW = AttentionTaps.LogWeights(q, k, mask);
        using var maskedSdpa = nn.functional.scaled_dot_product_attention(q.unsqueeze(1), k.unsqueeze(1), v.unsqueeze(1), mask).squeeze(1);
        Assert.True(maskedLogW.exp().matmul(v).sub(maskedSdpa).abs().max().item<float>() < 1e-5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void GuidedTrainingBuildsAPreviousTokenHeadAndAnInductionHead(double copyWeight)
    {
        var config = TinyLlama();
        using var model = ModelFactory.Create(config, ScalarType.Float32, CPU);
        WeightInit.Normal(model, 0.02, seed: 1);
        // Random 10-token strings shown twice: the second copy is predictable only by induction.
        var rng = new Random(1);
        var examples = Enumerable.Range(0, 256).Select(_ =>
        {
            var half = Enumerable.Range(0, 10).Select(_ => rng.Next(1, 64)).ToArray();
            return new TrainingExample([.. half, .. half], [.. Enumerable.Repeat(false, 10), .. Enumerable.Repeat(true, 10)]);
        }).ToList();
        var guide = AttentionGuide.Induction(weight: 1) with { CopyWeight = copyWeight };
        new LanguageModelTrainer(model, new TrainingOptions { LearningRate = 1e-2, MaxSteps = 150, BatchSize = 16, SequenceLength = 20, WarmupSteps = 10, Guide = guide })
            .Train(examples);

        using var _ = no_grad();
        var probe = Enumerable.Range(0, 10).Select(_ => (long)rng.Next(1, 64)).ToArray();
        using var ids = tensor(probe.Concat(probe).ToArray(), [1, 20]);
        using var taps = new AttentionTaps(model, [(0, 0), (1, 0)]);
        using var logits = model.Logits(model.Hidden(ids));
        using var real = ones(1, 20, dtype: ScalarType.Bool);
        double Mass(int layer, HeadPattern p) =>
            taps[layer, 0].exp().mul(AttentionGuide.Targets(p, ids, real)).sum(-1).narrow(1, 11, 9).mean().item<float>();
        Assert.True(Mass(0, HeadPattern.PreviousToken) > 0.8, $"previous-token mass {Mass(0, HeadPattern.PreviousToken):F2}");
        Assert.True(Mass(1, HeadPattern.Induction) > 0.5, $"induction mass {Mass(1, HeadPattern.Induction):F2}");
        // And the model uses it: the second copy is predicted.
        var predicted = logits.argmax(-1)[0].data<long>().ToArray();
        var copied = Enumerable.Range(10, 9).Count(i => predicted[i] == probe[i - 9]);
        Assert.True(copied >= 7, $"copied {copied}/9 tokens of an unseen string");
    }

    [Fact]
    public void AGuideOutsideTheModelIsRefused()
    {
        var config = TinyLlama(layers: 1);
        Assert.Throws<ArgumentException>(() => AttentionGuide.Induction().Validate(config));
        Assert.Throws<ArgumentException>(() => (AttentionGuide.Induction() with { Weight = 0 }).Validate(TinyLlama()));
    }
}
