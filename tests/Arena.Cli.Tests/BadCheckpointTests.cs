using System.Text;
using System.Text.Json.Nodes;

using Arena.Engine.Tests;

namespace Arena.Cli.Tests;

/// <summary>Broken checkpoints give a one-line error naming the file and the problem, exit code 2, never a crash.</summary>
[Collection("cli")]
public class BadCheckpointTests
{
    static string CopyOf(string model)
    {
        var dir = Fixture.TempDir();
        foreach (var f in Directory.GetFiles(Fixture.Dir(model))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    static (int Code, string Err) Info(string dir)
    {
        var (code, _, err) = CliRunner.Run("info", "--model", dir);
        return (code, err);
    }

    static (int Code, string Err) Logits(string dir, params string[] extra)
    {
        var output = Path.Combine(Fixture.TempDir(), "out.safetensors");
        var (code, _, err) = CliRunner.Run(["logits", "--model", dir, "--input", Path.Combine(Fixture.Dir(dir.Contains("gpt2") ? "gpt2" : "llama"), "expected.safetensors"), "--output", output, .. extra]);
        return (code, err);
    }

    static void AssertOneLineError((int Code, string Err) r, string file, string problem)
    {
        Assert.Equal(2, r.Code);
        var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, line);
        Assert.Contains(problem, line);
    }

    static void WriteHeader(string path, string json, int dataBytes)
    {
        var h = Encoding.UTF8.GetBytes(json);
        using var fs = File.Create(path);
        fs.Write(BitConverter.GetBytes((ulong)h.Length));
        fs.Write(h);
        fs.Write(new byte[dataBytes]);
    }

    [Fact]
    public void TruncatedSafetensorsIsReported()
    {
        var dir = CopyOf("llama");
        var path = Path.Combine(dir, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        AssertOneLineError(Logits(dir), "model.safetensors", "truncated");
    }

    [Fact]
    public void HeaderLongerThanTheFileIsReported()
    {
        var dir = CopyOf("llama");
        var path = Path.Combine(dir, "model.safetensors");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes(1_000_000UL), .. "{}"u8.ToArray()]);
        AssertOneLineError(Info(dir), "model.safetensors", "truncated");
    }

    [Fact]
    public void LyingShapeInTheHeaderIsReported()
    {
        var dir = CopyOf("llama");
        WriteHeader(Path.Combine(dir, "model.safetensors"), """{"model.norm.weight":{"dtype":"F32","shape":[64,2],"data_offsets":[0,256]}}""", 256);
        AssertOneLineError(Info(dir), "model.safetensors", "needs 512 bytes");
    }

    [Fact]
    public void HeaderThatIsNotJsonIsReported()
    {
        var dir = CopyOf("llama");
        WriteHeader(Path.Combine(dir, "model.safetensors"), "{not json", 0);
        AssertOneLineError(Info(dir), "model.safetensors", "not valid JSON");
    }

    [Fact]
    public void UnknownDtypeIsReported()
    {
        var dir = CopyOf("llama");
        WriteHeader(Path.Combine(dir, "model.safetensors"), """{"model.norm.weight":{"dtype":"Q4_K","shape":[64],"data_offsets":[0,64]}}""", 64);
        AssertOneLineError(Info(dir), "model.safetensors", "unsupported dtype 'Q4_K'");
    }

    [Fact]
    public void TensorShapeNotMatchingTheConfigIsReported()
    {
        var dir = CopyOf("llama");
        var cfg = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "config.json")))!;
        cfg["intermediate_size"] = 100;
        File.WriteAllText(Path.Combine(dir, "config.json"), cfg.ToJsonString());
        AssertOneLineError(Logits(dir), "model.safetensors", "config implies");
    }

    [Fact]
    public void MissingConfigFieldIsReported()
    {
        var dir = CopyOf("llama");
        var cfg = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "config.json")))!.AsObject();
        cfg.Remove("hidden_size");
        File.WriteAllText(Path.Combine(dir, "config.json"), cfg.ToJsonString());
        AssertOneLineError(Info(dir), "config.json", "missing required field 'hidden_size'");
    }

    [Fact]
    public void UnsupportedArchitectureIsReported()
    {
        var dir = CopyOf("llama");
        var cfg = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "config.json")))!;
        cfg["model_type"] = "mamba";
        File.WriteAllText(Path.Combine(dir, "config.json"), cfg.ToJsonString());
        AssertOneLineError(Info(dir), "config.json", "unsupported architecture 'mamba'");
    }

    [Fact]
    public void AdapterForAnotherBaseIsReported()
    {
        var adapter = Path.Combine(Fixture.Dir("llama"), "lora");
        AssertOneLineError(Logits(Fixture.Dir("gpt2"), "--adapter", adapter), "adapter_model.safetensors", "another base");
    }

    [Fact]
    public void UnexpectedExtraTensorIsReported()
    {
        var dir = CopyOf("qwen2");
        var cfg = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "config.json")))!;
        cfg["num_hidden_layers"] = 1;
        File.WriteAllText(Path.Combine(dir, "config.json"), cfg.ToJsonString());
        AssertOneLineError(Logits(dir), "model.safetensors", "unexpected tensor 'model.layers.1.");
    }
}
