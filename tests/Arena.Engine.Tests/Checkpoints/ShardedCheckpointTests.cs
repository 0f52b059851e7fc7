using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Checkpoints;

public class ShardedCheckpointTests
{
    [Fact]
    public void ShardedCheckpointLoadsLikeTheSingleFile()
    {
        var dir = Fixture.TempDir();
        File.Copy(Path.Combine(Fixture.Dir("llama"), "config.json"), Path.Combine(dir, "config.json"));
        using (var single = new SafeTensorsFile(Path.Combine(Fixture.Dir("llama"), "model.safetensors")))
        {
            var names = single.Tensors.Keys.Order(StringComparer.Ordinal).ToList();
            var map = new JsonObject();
            var shards = names.Chunk((names.Count + 1) / 2).Select((chunk, i) => (File: $"model-{i + 1:00000}-of-00002.safetensors", Names: chunk)).ToList();
            foreach (var (file, chunk) in shards)
            {
                var tensors = chunk.Select(n => (n, single.Read(n))).ToList();
                SafeTensorsWriter.Write(Path.Combine(dir, file), tensors);
                foreach (var (_, t) in tensors) t.Dispose();
                foreach (var n in chunk) map[n] = file;
            }
            File.WriteAllText(Path.Combine(dir, "model.safetensors.index.json"), new JsonObject { ["metadata"] = new JsonObject(), ["weight_map"] = map }.ToJsonString());
        }
        using var model = ModelLoader.Load(dir, ScalarType.Float32, CPU);
        using var ids = Fixture.Expected("llama", "input_ids").to_type(ScalarType.Int64);
        using var _ = no_grad();
        using var logits = model.Forward(ids);
        using var expected = Fixture.Expected("llama", "logits");
        Assert.True(Fixture.MaxAbsDiff(logits, expected) <= 1e-4);
    }

    [Fact]
    public void SafetensorsWriterRoundTripsEveryFloatDtype()
    {
        var path = Path.Combine(Fixture.TempDir(), "t.safetensors");
        using var x = randn(3, 5);
        using var f16 = x.to_type(ScalarType.Float16);
        using var bf16 = x.to_type(ScalarType.BFloat16);
        SafeTensorsWriter.Write(path, [("a", x), ("b", f16), ("c", bf16)], new Dictionary<string, string> { ["format"] = "pt" });
        using var file = new SafeTensorsFile(path);
        Assert.Equal(["F32", "F16", "BF16"], new[] { "a", "b", "c" }.Select(n => file.Tensors[n].DType));
        Assert.Equal("pt", file.Metadata["format"]);
        using var a = file.Read("a");
        using var b = file.Read("b");
        using var c = file.Read("c");
        Assert.True(a.eq(x).all().item<bool>());
        Assert.True(b.eq(f16).all().item<bool>());
        Assert.True(c.eq(bf16).all().item<bool>());
    }
}
