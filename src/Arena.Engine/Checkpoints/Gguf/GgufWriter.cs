using System.Text;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// Writes a GGUF v3 file (ggml docs/gguf.md): header, metadata key/values, tensor infos, then the tensor data, each
/// tensor starting at a multiple of the alignment. Little-endian throughout, as every llama.cpp build expects.
/// The file is written under a temporary name and moved into place, so a failed export leaves nothing half-written.
/// </summary>
public static class GgufWriter
{
    public const uint Magic = 0x46554747; // "GGUF" read as a little-endian u32
    public const uint Version = 3;
    public const int Alignment = 32;

    public static void Write(string path, IReadOnlyList<KeyValuePair<string, GgufMetadataValue>> metadata, IReadOnlyList<GgufTensor> tensors)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("GGUF export needs a little-endian machine");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                WriteTo(fs, metadata, tensors);
            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    static void WriteTo(Stream s, IReadOnlyList<KeyValuePair<string, GgufMetadataValue>> metadata, IReadOnlyList<GgufTensor> tensors)
    {
        var w = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write((ulong)tensors.Count);
        w.Write((ulong)metadata.Count);
        foreach (var (key, value) in metadata)
        {
            WriteString(w, key);
            w.Write((uint)value.Type);
            WriteValue(w, value);
        }
        ulong offset = 0;
        foreach (var t in tensors)
        {
            WriteString(w, t.Name);
            w.Write((uint)t.Shape.Length);
            for (int i = t.Shape.Length - 1; i >= 0; i--) w.Write((ulong)t.Shape[i]);   // ggml's ne[0] is the innermost dimension
            w.Write((uint)t.Type);
            w.Write(offset);
            offset = Align(offset + (ulong)t.ByteSize);
        }
        w.Flush();
        Pad(s);
        foreach (var t in tensors)
        {
            var start = s.Position;
            t.WriteData(s);
            if (s.Position - start != t.ByteSize)
                throw new InvalidOperationException($"tensor {t.Name} wrote {s.Position - start} bytes, expected {t.ByteSize}");
            Pad(s);
        }
    }

    static ulong Align(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    static void Pad(Stream s)
    {
        var pad = (int)((ulong)s.Position % Alignment);
        if (pad != 0) s.Write(new byte[Alignment - pad]);
    }

    static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    static void WriteValue(BinaryWriter w, GgufMetadataValue v)
    {
        switch (v.Type)
        {
            case GgufValueType.String: WriteString(w, (string)v.Value); break;
            case GgufValueType.UInt32: w.Write((uint)v.Value); break;
            case GgufValueType.Int32: w.Write((int)v.Value); break;
            case GgufValueType.Float32: w.Write((float)v.Value); break;
            case GgufValueType.Bool: w.Write((bool)v.Value ? (byte)1 : (byte)0); break;
            case GgufValueType.Array:
                var items = (Array)v.Value;
                w.Write((uint)v.ElementType);
                w.Write((ulong)items.Length);
                foreach (var item in items) WriteValue(w, new GgufMetadataValue(v.ElementType, item!));
                break;
            default: throw new ArgumentException($"metadata type {v.Type} is not written by this exporter");
        }
    }
}
