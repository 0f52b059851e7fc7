using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arena.Engine.Checkpoints;

/// <summary>
/// All safetensors files of a model folder seen as one name → tensor map: either model.safetensors, or the shards
/// listed by model.safetensors.index.json.
/// </summary>
public sealed class ShardedSafeTensors : IDisposable
{
    readonly List<SafeTensorsFile> files = [];
    readonly Dictionary<string, (SafeTensorsFile File, SafeTensorInfo Info)> entries = [];

    public ShardedSafeTensors(string dir)
    {
        var single = Path.Combine(dir, "model.safetensors");
        var index = Path.Combine(dir, "model.safetensors.index.json");
        try
        {
            if (File.Exists(single)) Add(new SafeTensorsFile(single));
            else if (File.Exists(index)) foreach (var shard in ReadIndex(index)) Add(new SafeTensorsFile(Path.Combine(dir, shard)));
            else throw new CheckpointException(dir, "no model.safetensors or model.safetensors.index.json");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    static IEnumerable<string> ReadIndex(string index)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(index)); }
        catch (JsonException e) { throw new CheckpointException(index, $"invalid JSON ({e.Message.Split('\n')[0]})"); }
        if (root?["weight_map"] is not JsonObject map) throw new CheckpointException(index, "missing 'weight_map'");
        return map.Select(kv => kv.Value?.GetValue<string>() ?? throw new CheckpointException(index, $"no shard for '{kv.Key}'"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    void Add(SafeTensorsFile f)
    {
        files.Add(f);
        foreach (var (name, info) in f.Tensors)
        {
            if (entries.ContainsKey(name)) throw new CheckpointException(f.Path, $"tensor '{name}' appears in two shards");
            entries[name] = (f, info);
        }
    }

    public IEnumerable<string> Names => entries.Keys;
    public bool TryGet(string name, out SafeTensorsFile file, out SafeTensorInfo info)
    {
        var ok = entries.TryGetValue(name, out var e);
        (file, info) = e;
        return ok;
    }

    public void Dispose()
    {
        foreach (var f in files) f.Dispose();
    }
}
