using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>
/// Pre-allocated key/value buffers, (B, n_kv, capacity, hd) per layer, so decoding appends in place instead of
/// concatenating (no recomputation of the prefix, no reallocation per token).
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly Tensor[] keys;
    readonly Tensor[] values;

    public int Capacity { get; }
    /// <summary>Positions already written (the same for every row: rows are left-padded to a common length).</summary>
    public int Length { get; private set; }

    public KvCache(int layers, long batch, int kvHeads, int capacity, int headDim, ScalarType dtype, Device device)
    {
        Capacity = capacity;
        keys = new Tensor[layers];
        values = new Tensor[layers];
        for (int i = 0; i < layers; i++)
        {
            keys[i] = zeros(batch, kvHeads, capacity, headDim, dtype: dtype, device: device);
            values[i] = zeros(batch, kvHeads, capacity, headDim, dtype: dtype, device: device);
        }
    }

    /// <summary>Writes this step's k, v (B, n_kv, T, hd) for <paramref name="layer"/> and returns views over all positions so far.</summary>
    public (Tensor K, Tensor V) Append(int layer, Tensor k, Tensor v)
    {
        var t = (int)k.shape[2];
        if (Length + t > Capacity) throw new InvalidOperationException($"KV cache full: {Length} + {t} > {Capacity}");
        using (var ks = keys[layer].narrow(2, Length, t)) ks.copy_(k);
        using (var vs = values[layer].narrow(2, Length, t)) vs.copy_(v);
        return (keys[layer].narrow(2, 0, Length + t), values[layer].narrow(2, 0, Length + t));
    }

    /// <summary>Called by the model once every layer has appended this step's tokens.</summary>
    public void Advance(int tokens) => Length += tokens;

    /// <summary>Keeps only the rows in <paramref name="rows"/> (finished sequences leave the batch).</summary>
    public void SelectRows(Tensor rows)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            var k = keys[i].index_select(0, rows);
            var v = values[i].index_select(0, rows);
            keys[i].Dispose();
            values[i].Dispose();
            keys[i] = k;
            values[i] = v;
        }
    }

    public void Dispose()
    {
        foreach (var t in keys) t.Dispose();
        foreach (var t in values) t.Dispose();
    }
}
