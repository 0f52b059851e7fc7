using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Checkpoints;

/// <summary>Writes tensors in the safetensors format: u64 header length, JSON header (8-byte aligned), raw data.</summary>
public static class SafeTensorsWriter
{
    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var header = new Dictionary<string, object>();
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        long offset = 0;
        foreach (var (name, t) in list)
        {
            var bytes = t.NumberOfElements * t.ElementSize;
            header[name] = new { dtype = SafeTensorDType.Name(t.dtype), shape = t.shape, data_offsets = new[] { offset, offset + bytes } };
            offset += bytes;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var padded = (json.Length + 7) / 8 * 8;
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            fs.Write(BitConverter.GetBytes((ulong)padded));
            fs.Write(json);
            for (int i = json.Length; i < padded; i++) fs.WriteByte((byte)' ');
            foreach (var (_, t) in list) WriteData(fs, t);
        }
        File.Move(tmp, path, overwrite: true);
    }

    static void WriteData(Stream s, Tensor t)
    {
        using var scope = NewDisposeScope();
        var cpu = t.detach().cpu().contiguous();
        if (cpu.NumberOfElements == 0) return;
        // Chunk through a flat view so tensors above 2 GiB still fit in a Span.
        var flat = cpu.view(-1);
        long chunk = (1L << 30) / cpu.ElementSize;
        for (long i = 0; i < flat.shape[0]; i += chunk)
        {
            using var part = flat.narrow(0, i, Math.Min(chunk, flat.shape[0] - i));
            s.Write(part.bytes);
        }
    }
}
