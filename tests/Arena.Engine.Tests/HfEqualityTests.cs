using Arena.Engine.Checkpoints;
using static TorchSharp.torch;

namespace Arena.Engine.Tests;

/// <summary>The acceptance test: the engine reproduces transformers 5.17 on its own tiny random checkpoints.</summary>
public class HfEqualityTests
{
    const double Tolerance = 1e-4;

    [Theory]
    [InlineData("llama")]
    [InlineData("qwen2")]
    [InlineData("gpt2")]
    public void LogitsMatchTransformers(string name)
    {
        using var model = ModelLoader.Load(Fixture.Dir(name), ScalarType.Float32, CPU);
        using var ids = Fixture.Expected(name, "input_ids").to_type(ScalarType.Int64);
        using var expected = Fixture.Expected(name, "logits");
        using var _ = no_grad();
        using var logits = model.Forward(ids);
        Assert.Equal(expected.shape, logits.shape);
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= Tolerance, $"max abs diff {Fixture.MaxAbsDiff(logits, expected)}");
    }

    [Theory]
    [InlineData("llama")]
    [InlineData("qwen2")]
    [InlineData("gpt2")]
    public void LeftPaddedBatchMatchesTransformersOnRealTokens(string name)
    {
        using var model = ModelLoader.Load(Fixture.Dir(name), ScalarType.Float32, CPU);
        using var ids = Fixture.Expected(name, "pad_input_ids").to_type(ScalarType.Int64);
        using var mask = Fixture.Expected(name, "pad_attention_mask");
        using var expected = Fixture.Expected(name, "pad_logits");
        using var _ = no_grad();
        using var logits = model.Forward(ids, keyMask: mask);
        var diff = Fixture.MaxAbsDiff(logits, expected, mask);
        Assert.True(diff <= Tolerance, $"max abs diff on real tokens {diff}");
    }
}
