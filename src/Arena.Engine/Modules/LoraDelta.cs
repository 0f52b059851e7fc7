using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>
/// One adapter's low-rank update on one projection: ΔW = Scale · Strength · B A, with A [r, in] and B [out, r].
/// Scale is PEFT's α/r; Strength is the user's dial (0 = parent, 1 = the bake, &gt;1 amplifies).
/// </summary>
public sealed class LoraDelta(string adapter, Tensor a, Tensor b, double scale) : IDisposable
{
    public string Adapter { get; } = adapter;
    public Tensor A { get; } = a;  // (r, in)
    public Tensor B { get; } = b;  // (out, r)
    public double Scale { get; } = scale;
    public double Strength { get; set; } = 1.0;
    public bool Enabled { get; set; } = true;
    public int Rank => (int)A.shape[0];

    /// <summary>x (…, in) → Scale·Strength·(x Aᵀ) Bᵀ (…, out): two thin matmuls, never the full ΔW.</summary>
    public Tensor Apply(Tensor x)
    {
        // Trainable adapters keep float32 master weights even on a bf16 base; compute in the adapter's dtype.
        if (x.dtype == A.dtype) return nn.functional.linear(nn.functional.linear(x, A), B).mul_(Scale * Strength);
        using var scope = NewDisposeScope();
        var y = nn.functional.linear(nn.functional.linear(x.to_type(A.dtype), A), B).mul_(Scale * Strength);
        return y.to_type(x.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>The dense ΔW (out, in), for merging into the base weight.</summary>
    public Tensor Dense() => B.matmul(A).mul_(Scale * Strength);

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
