using Arena.Engine.Checkpoints;
using static TorchSharp.torch;

namespace Arena.Engine.Tests;

/// <summary>Paths to the Hugging Face reference fixtures copied into the test output, and their expected tensors.</summary>
public static class Fixture
{
    public static string Dir(string model) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hf-reference", model);

    public static Tensor Expected(string model, string name)
    {
        using var f = new SafeTensorsFile(Path.Combine(Dir(model), "expected.safetensors"));
        return f.Read(name);
    }

    /// <summary>A model folder: the llama fixture plus a ChatML tokenizer.json (ids fit its 512-token vocabulary).</summary>
    public static string ChatModelDir()
    {
        var dir = TempDir();
        foreach (var f in Directory.GetFiles(Dir("llama"))) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers", "byte-bpe-chatml.tokenizer.json"), Path.Combine(dir, "tokenizer.json"));
        return dir;
    }

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "arena-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Max |a - b| over the positions where <paramref name="keep"/> (B, T) is 1 (all positions when null).</summary>
    public static double MaxAbsDiff(Tensor a, Tensor b, Tensor? keep = null)
    {
        using var scope = NewDisposeScope();
        var d = a.to_type(ScalarType.Float32).sub(b.to_type(ScalarType.Float32)).abs();
        if (keep is not null) d = d.mul(keep.to_type(ScalarType.Float32).unsqueeze(-1));
        return d.max().item<float>();
    }
}
