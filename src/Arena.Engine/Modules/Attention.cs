using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Scaled dot-product attention over (B, nh, T, hd) heads with grouped-query sharing of k/v heads.</summary>
public static class Attention
{
    /// <summary>q (B, nh, T, hd); k, v (B, n_kv, S, hd). Returns (B, nh, T, hd).</summary>
    public static Tensor Sdpa(Tensor q, Tensor k, Tensor v, Tensor? mask, int groups)
    {
        using var scope = NewDisposeScope();
        long b = q.shape[0], nh = q.shape[1], t = q.shape[2], hd = q.shape[3], s = k.shape[2];
        Tensor y;
        if (t == 1 && groups > 1)
        {
            // Decoding: fold the query heads of a group into the query axis, so k/v are read once per kv head
            // instead of being copied groups times (the cache is the big tensor in decode).
            var qg = q.reshape(b, nh / groups, groups, hd);                                   // (B, n_kv, g, hd)
            var m = mask?.expand(b, 1, groups, s);                                            // (B, 1, g, S)
            y = nn.functional.scaled_dot_product_attention(qg, k, v, m).reshape(b, nh, 1, hd);
        }
        else
        {
            var kk = RepeatKv(k, groups);
            var vv = RepeatKv(v, groups);
            y = mask is null
                ? nn.functional.scaled_dot_product_attention(q, kk, vv, is_casual: t > 1)
                : nn.functional.scaled_dot_product_attention(q, kk, vv, mask);
        }
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>(B, n_kv, S, hd) → (B, n_kv·groups, S, hd), each kv head shared by <paramref name="groups"/> query heads.</summary>
    public static Tensor RepeatKv(Tensor x, int groups)
    {
        if (groups == 1) return x.alias();
        long b = x.shape[0], kv = x.shape[1], s = x.shape[2], hd = x.shape[3];
        return x.unsqueeze(2).expand(b, kv, groups, s, hd).reshape(b, kv * groups, s, hd);
    }
}
