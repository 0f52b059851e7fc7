using Arena.Engine.Checkpoints;

using Arena.Engine.Tests;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class LogitsCommandTests
{
    [Theory]
    [InlineData("llama", "logits")]
    [InlineData("gpt2", "logits")]
    public void LogitsCommandWritesTransformersLogits(string model, string expectedName)
    {
        var dir = Fixture.TempDir();
        var input = Path.Combine(dir, "in.safetensors");
        using (var ids = Fixture.Expected(model, "input_ids")) SafeTensorsWriter.Write(input, [("input_ids", ids)]);
        var output = Path.Combine(dir, "out.safetensors");
        var (code, _, err) = CliRunner.Run("logits", "--model", Fixture.Dir(model), "--input", input, "--output", output);
        Assert.True(code == 0, err);
        using var f = new SafeTensorsFile(output);
        using var logits = f.Read("logits");
        using var expected = Fixture.Expected(model, expectedName);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, logits.dtype);
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void LogitsCommandHonoursAttentionMaskAndAdapter()
    {
        var dir = Fixture.TempDir();
        var input = Path.Combine(dir, "in.safetensors");
        using (var ids = Fixture.Expected("llama", "input_ids")) SafeTensorsWriter.Write(input, [("input_ids", ids)]);
        var output = Path.Combine(dir, "out.safetensors");
        var (code, _, err) = CliRunner.Run("logits", "--model", Fixture.Dir("llama"), "--adapter", Path.Combine(Fixture.Dir("llama"), "lora") + ":1.0", "--input", input, "--output", output);
        Assert.True(code == 0, err);
        using var f = new SafeTensorsFile(output);
        using var logits = f.Read("logits");
        using var expected = Fixture.Expected("llama", "lora_logits");
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var (code, _, err) = CliRunner.Run("info", "--model", Fixture.Dir("llama"), "--colour", "blue");
        Assert.Equal(2, code);
        Assert.Contains("unknown option --colour", err);
    }

    [Fact]
    public void InfoDescribesTheModel()
    {
        var (code, stdout, _) = CliRunner.Run("info", "--model", Fixture.Dir("qwen2"));
        Assert.Equal(0, code);
        Assert.Contains("Qwen2ForCausalLM", stdout);
        Assert.Contains("F32", stdout);
        Assert.Contains("tied embeddings yes", stdout);
    }
}
