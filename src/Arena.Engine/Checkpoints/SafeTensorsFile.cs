using System.IO.MemoryMappedFiles;
using System.Text.Json;
using TorchSharp;

namespace Arena.Engine.Checkpoints;

/// <summary>One tensor's entry in a safetensors header: dtype, shape and byte range inside the data section.</summary>
public sealed record SafeTensorInfo(string Name, string DType, torch.ScalarType ScalarType, long[] Shape, long Begin, long End);

/// <summary>
/// A memory-mapped safetensors file (8-byte little-endian header length, JSON header, raw data). The header is
/// validated up front — dtypes, shapes against byte ranges, ranges inside the file and not overlapping — so a
/// truncated or lying file fails with a <see cref="CheckpointException"/> before any tensor is touched.
/// </summary>
public sealed unsafe class SafeTensorsFile : IDisposable
{
    const long MaxHeaderBytes = 100L * 1024 * 1024; // the format's own limit
    readonly MemoryMappedFile? map;
    readonly MemoryMappedViewAccessor? view;
    readonly byte* basePtr;
    readonly long dataStart;

    public string Path { get; }
    public IReadOnlyDictionary<string, SafeTensorInfo> Tensors { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public SafeTensorsFile(string path)
    {
        Path = path;
        if (!System.IO.File.Exists(path)) throw new CheckpointException(path, "file not found");
        var length = new FileInfo(path).Length;
        if (length < 8) throw new CheckpointException(path, $"truncated: {length} bytes, no header length");
        map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePtr);
        basePtr += view.PointerOffset;
        try
        {
            var headerLen = *(long*)basePtr;
            if (headerLen <= 0 || headerLen > MaxHeaderBytes) throw new CheckpointException(path, $"invalid header length {headerLen}");
            if (8 + headerLen > length) throw new CheckpointException(path, $"truncated: header says {headerLen} bytes, file has {length - 8}");
            dataStart = 8 + headerLen;
            (Tensors, Metadata) = ParseHeader(new ReadOnlySpan<byte>(basePtr + 8, (int)headerLen), length - dataStart);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    (Dictionary<string, SafeTensorInfo>, Dictionary<string, string>) ParseHeader(ReadOnlySpan<byte> json, long dataLength)
    {
        var tensors = new Dictionary<string, SafeTensorInfo>();
        var metadata = new Dictionary<string, string>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json.ToArray()); }
        catch (JsonException e) { throw new CheckpointException(Path, $"header is not valid JSON ({e.Message.Split('\n')[0]})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new CheckpointException(Path, "header is not a JSON object");
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "__metadata__")
                {
                    if (p.Value.ValueKind == JsonValueKind.Object)
                        foreach (var m in p.Value.EnumerateObject()) metadata[m.Name] = m.Value.ToString();
                    continue;
                }
                tensors[p.Name] = ParseEntry(p.Name, p.Value, dataLength);
            }
        }
        CheckNoOverlap(tensors.Values);
        return (tensors, metadata);
    }

    SafeTensorInfo ParseEntry(string name, JsonElement e, long dataLength)
    {
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("dtype", out var dt) || dt.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("shape", out var sh) || sh.ValueKind != JsonValueKind.Array
            || !e.TryGetProperty("data_offsets", out var off) || off.ValueKind != JsonValueKind.Array || off.GetArrayLength() != 2)
            throw new CheckpointException(Path, $"tensor '{name}' has a malformed header entry");
        var dtype = dt.GetString()!;
        if (!SafeTensorDType.TryParse(dtype, out var type, out var size))
            throw new CheckpointException(Path, $"tensor '{name}' has unsupported dtype '{dtype}'");
        var shape = new long[sh.GetArrayLength()];
        long count = 1;
        int i = 0;
        foreach (var d in sh.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out var v) || v < 0)
                throw new CheckpointException(Path, $"tensor '{name}' has an invalid shape");
            shape[i++] = v;
            count = checked(count * v);
        }
        if (!off[0].TryGetInt64(out var begin) || !off[1].TryGetInt64(out var end) || begin < 0 || end < begin)
            throw new CheckpointException(Path, $"tensor '{name}' has invalid data offsets");
        if (end > dataLength)
            throw new CheckpointException(Path, $"truncated: tensor '{name}' ends at byte {end} of a {dataLength}-byte data section");
        if (end - begin != count * size)
            throw new CheckpointException(Path, $"tensor '{name}' shape [{string.Join(",", shape)}] {dtype} needs {count * size} bytes, offsets give {end - begin}");
        return new SafeTensorInfo(name, dtype, type, shape, begin, end);
    }

    void CheckNoOverlap(IEnumerable<SafeTensorInfo> infos)
    {
        long last = 0;
        string? lastName = null;
        foreach (var t in infos.Where(t => t.End > t.Begin).OrderBy(t => t.Begin))
        {
            if (t.Begin < last) throw new CheckpointException(Path, $"tensors '{lastName}' and '{t.Name}' overlap");
            last = t.End;
            lastName = t.Name;
        }
    }

    /// <summary>The raw little-endian bytes of a tensor, straight from the mapping (no copy).</summary>
    public ReadOnlySpan<byte> Bytes(SafeTensorInfo info, long offset, int length) =>
        new(basePtr + dataStart + info.Begin + offset, length);

    // TorchSharp's setter takes a Span; it only reads from it, so the read-only mapping is never written.
    Span<byte> WritableView(SafeTensorInfo info, long offset, int length) =>
        new(basePtr + dataStart + info.Begin + offset, length);

    /// <summary>Reads a tensor onto <paramref name="device"/>, converting to <paramref name="dtype"/> when given.</summary>
    public torch.Tensor Read(string name, torch.ScalarType? dtype = null, torch.Device? device = null)
    {
        if (!Tensors.TryGetValue(name, out var info)) throw new CheckpointException(Path, $"tensor '{name}' not found");
        using var scope = torch.NewDisposeScope();
        var cpu = torch.empty(info.Shape, info.ScalarType);
        CopyInto(info, cpu);
        var result = cpu;
        if (dtype is { } d && d != info.ScalarType) result = result.to(d);
        if (device is not null && device.type != DeviceType.CPU) result = result.to(device);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Copies the tensor's bytes into a contiguous CPU tensor of the same dtype, in chunks below 2 GiB.</summary>
    internal void CopyInto(SafeTensorInfo info, torch.Tensor cpu)
    {
        var total = info.End - info.Begin;
        if (total == 0) return;
        SafeTensorDType.TryParse(info.DType, out _, out var size);
        const long chunk = 1L << 30;
        var flat = cpu.view(-1);
        for (long done = 0; done < total; done += chunk)
        {
            var n = Math.Min(chunk, total - done);
            using var part = flat.narrow(0, done / size, n / size);
            part.bytes = WritableView(info, done, (int)n);
        }
    }

    public void Dispose()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }
        map?.Dispose();
    }
}
