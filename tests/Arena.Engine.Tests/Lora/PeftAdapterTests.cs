using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Lora;

public class PeftAdapterTests
{
    static Tensor Ids() => Fixture.Expected("llama", "input_ids").to_type(ScalarType.Int64);

    [Fact]
    public void PeftAdapterLogitsMatchTransformers()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        using var adapter = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "fixture", ScalarType.Float32, CPU);
        model.Attach(adapter);
        using var _ = no_grad();
        using var logits = model.Forward(Ids());
        using var expected = Fixture.Expected("llama", "lora_logits");
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void StrengthZeroEqualsTheParent()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        using var adapter = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "fixture", ScalarType.Float32, CPU);
        model.Attach(adapter, strength: 0);
        using var _ = no_grad();
        using var logits = model.Forward(Ids());
        using var expected = Fixture.Expected("llama", "logits");
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void MergedAdapterEqualsAttachedAdapter()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        using var adapter = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "fixture", ScalarType.Float32, CPU);
        model.Attach(adapter);
        model.Merge("fixture");
        Assert.Empty(model.AttachedAdapters());
        using var _ = no_grad();
        using var logits = model.Forward(Ids());
        using var expected = Fixture.Expected("llama", "lora_logits");
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void SavedModelAndAdapterLoadBackWithIdenticalLogits()
    {
        var dir = Fixture.TempDir();
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        using var adapter = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "fixture", ScalarType.Float32, CPU);
        var config = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Fixture.Dir("llama"), "config.json")))!;
        ModelSaver.Save(model, Path.Combine(dir, "model"), config);
        PeftFormat.Save(adapter, Path.Combine(dir, "adapter"), baseModel: "llama-fixture");

        using var again = ModelLoader.Load(Path.Combine(dir, "model"), ScalarType.Float32, CPU);
        using var adapterAgain = PeftFormat.Load(Path.Combine(dir, "adapter"), "again", ScalarType.Float32, CPU);
        again.Attach(adapterAgain);
        using var _ = no_grad();
        using var logits = again.Forward(Ids());
        using var expected = Fixture.Expected("llama", "lora_logits");
        Assert.Equal(0.0, Fixture.MaxAbsDiff(logits, expected), 4);
        Assert.Equal(adapter.Config.Rank, adapterAgain.Config.Rank);
        Assert.Equal(adapter.Config.Alpha, adapterAgain.Config.Alpha);
    }

    [Fact]
    public void GptTwoModelRoundTripsThroughTheWriter()
    {
        var dir = Fixture.TempDir();
        using var model = ModelLoader.Load(Fixture.Dir("gpt2"), ScalarType.Float32, CPU);
        var config = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Fixture.Dir("gpt2"), "config.json")))!;
        ModelSaver.Save(model, dir, config);
        using var again = ModelLoader.Load(dir, ScalarType.Float32, CPU);
        using var _ = no_grad();
        using var logits = again.Forward(Fixture.Expected("gpt2", "input_ids").to_type(ScalarType.Int64));
        using var expected = Fixture.Expected("gpt2", "logits");
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void AdapterForAnotherBaseIsRefusedWithTheFileNamed()
    {
        using var model = ModelLoader.Load(Fixture.Dir("qwen2"), ScalarType.Float32, CPU);
        var dir = Path.Combine(Fixture.Dir("llama"), "lora");
        using var adapter = PeftFormat.Load(dir, "fixture", ScalarType.Float32, CPU);
        var e = Assert.Throws<CheckpointException>(() => model.Attach(adapter, source: dir));
        Assert.Contains("another base", e.Message);
        Assert.StartsWith(dir, e.Message);
    }

    [Fact]
    public void TwoAdaptersOnOneBaseCanBeDialledIndependently()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        using var a = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "a", ScalarType.Float32, CPU);
        using var b = PeftFormat.Load(Path.Combine(Fixture.Dir("llama"), "lora"), "b", ScalarType.Float32, CPU);
        model.Attach(a, 0.5);
        model.Attach(b, 0.5);
        using var _ = no_grad();
        using var expected = Fixture.Expected("llama", "lora_logits");
        using (var both = model.Forward(Ids())) Assert.True(Fixture.MaxAbsDiff(both, expected) <= 1e-4); // ½ + ½ = the full adapter
        model.SetStrength("b", 0);
        model.SetStrength("a", 1);
        using (var one = model.Forward(Ids())) Assert.True(Fixture.MaxAbsDiff(one, expected) <= 1e-4);
    }
}
