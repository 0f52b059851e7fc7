using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>Turns a model tensor into the bytes of a GGUF tensor of a given type.</summary>
public static class GgufTensorData
{
    /// <summary>Q8_0 packs each run of 32 values along a row as an f16 scale and 32 signed bytes.</summary>
    public const int Q8BlockSize = 32;
    const int Q8BlockBytes = 2 + Q8BlockSize;

    /// <summary>Whether a tensor whose innermost dimension is <paramref name="rowLength"/> can be stored as <paramref name="type"/>.</summary>
    public static bool Fits(GgufTensorType type, long rowLength) => type != GgufTensorType.Q8_0 || rowLength % Q8BlockSize == 0;

    public static long ByteSize(GgufTensorType type, long elements) => type switch
    {
        GgufTensorType.F32 => elements * 4,
        GgufTensorType.F16 or GgufTensorType.BF16 => elements * 2,
        GgufTensorType.Q8_0 => elements / Q8BlockSize * Q8BlockBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A <see cref="GgufTensor"/> that converts <paramref name="t"/> when the writer reaches it. The caller keeps
    /// <paramref name="t"/> alive until the file is written.</summary>
    public static GgufTensor Of(string name, Tensor t, GgufTensorType type)
    {
        if (!Fits(type, t.shape[^1])) throw new ArgumentException($"{name}: rows of {t.shape[^1]} do not divide into {type} blocks");
        return new GgufTensor(name, t.shape, type, ByteSize(type, t.NumberOfElements), s => Write(s, t, type));
    }

    static void Write(Stream s, Tensor t, GgufTensorType type)
    {
        using var scope = NewDisposeScope();
        var flat = t.detach().cpu().contiguous().view(-1);
        if (type == GgufTensorType.Q8_0)
        {
            WriteQ8(s, flat.to_type(ScalarType.Float32));
            return;
        }
        var target = type switch { GgufTensorType.F32 => ScalarType.Float32, GgufTensorType.F16 => ScalarType.Float16, _ => ScalarType.BFloat16 };
        var converted = flat.to_type(target);
        // Chunked so tensors above 2 GiB still fit in a Span.
        long chunk = (1L << 28) / converted.ElementSize;
        for (long i = 0; i < converted.shape[0]; i += chunk)
        {
            using var part = converted.narrow(0, i, Math.Min(chunk, converted.shape[0] - i));
            s.Write(part.bytes);
        }
    }

    /// <summary>ggml's reference quantize_row_q8_0: scale = max|x| / 127, q = round(x / scale) away from zero.</summary>
    static void WriteQ8(Stream s, Tensor flat)
    {
        var buffer = new byte[Q8BlockBytes];
        long blocksPerChunk = 1 << 16;
        long blocks = flat.shape[0] / Q8BlockSize;
        for (long b0 = 0; b0 < blocks; b0 += blocksPerChunk)
        {
            var n = Math.Min(blocksPerChunk, blocks - b0);
            using var part = flat.narrow(0, b0 * Q8BlockSize, n * Q8BlockSize);
            var values = MemoryMarshal.Cast<byte, float>(part.bytes);
            for (int b = 0; b < n; b++)
            {
                var block = values.Slice(b * Q8BlockSize, Q8BlockSize);
                float amax = 0;
                foreach (var x in block) amax = Math.Max(amax, Math.Abs(x));
                var d = amax / 127f;
                var id = d != 0 ? 1f / d : 0f;
                BitConverter.TryWriteBytes(buffer.AsSpan(0, 2), BitConverter.HalfToUInt16Bits((Half)d));
                for (int j = 0; j < Q8BlockSize; j++)
                    buffer[2 + j] = (byte)(sbyte)MathF.Round(block[j] * id, MidpointRounding.AwayFromZero);
                s.Write(buffer);
            }
        }
    }
}
