using Arena.Engine.Checkpoints;

using static TorchSharp.torch;

namespace Arena.Engine.Tests;

/// <summary>The one loader of a base plus ordered adapters at strengths, shared by the CLI and the worker.</summary>
public sealed class ModelStackTests
{
    static string Lora => Path.Combine(Fixture.Dir("llama"), "lora");

    [Fact]
    public void AStackMatchesTheAdapterAttachedByHandAndNamesItsLayersInTheChain()
    {
        using var stack = ModelStack.Load(Fixture.ChatModelDir(), "llama", [new StackLayer(Lora, 1.0, "adapters/one")], ScalarType.Float32, CPU);
        using var ids = Fixture.Expected("llama", "input_ids").to_type(ScalarType.Int64);
        using var expected = Fixture.Expected("llama", "lora_logits");
        using var noGrad = no_grad();
        using var logits = stack.Language.Model.Forward(ids, null);

        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
        Assert.Equal(["llama", "adapters/one:1"], stack.Chain);
        Assert.Single(stack.Adapters);
    }

    [Theory]
    [InlineData(3.5)]
    [InlineData(-4)]
    [InlineData(double.NaN)]
    public void AStrengthBeyondTheOneBoundIsRefusedBeforeAnythingLoads(double strength)
    {
        // The base folder does not exist: the strength is refused first.
        var e = Assert.Throws<ArgumentException>(() => ModelStack.Load("/no/such/model", "none", [new StackLayer(Lora, strength, "adapters/x")], ScalarType.Float32, CPU));
        Assert.Contains("adapter strength must be in -3..3", e.Message);
    }

    [Fact]
    public void ABrokenAdapterIsNamedByItsLabelNotItsResolvedFolder()
    {
        var empty = Fixture.TempDir();
        var e = Assert.Throws<CheckpointException>(() => ModelStack.Load(Fixture.ChatModelDir(), "llama", [new StackLayer(empty, 1, "adapters/missing")], ScalarType.Float32, CPU));
        Assert.StartsWith(Path.Combine("adapters/missing", ""), e.File);
        Assert.DoesNotContain(empty, e.Message);
    }
}
