using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>
/// Muon (MomentUm Orthogonalized by Newton–Schulz; Keller Jordan, the nanoGPT speedrun's optimiser) for the hidden
/// weight matrices: Nesterov momentum, then the update is replaced by its nearest semi-orthogonal matrix (every singular
/// value ≈ 1), so every direction of a matrix learns at the same rate instead of the few that dominate the gradient.
/// In the speedrun it reached AdamW's loss in ~2/3 of the steps; a CPU build has a fixed budget of minutes, so steps
/// saved are behavior learned. Embeddings, the LM head and norm gains stay on AdamW (as in the speedrun): an
/// embedding row is one token's vector, not a direction of a linear map.
/// </summary>
public sealed class Muon : IDisposable
{
    // The quintic Newton–Schulz coefficients of the reference implementation: they push singular values into ~[0.7, 1.2]
    // in five iterations, which is all the update needs (an exact orthogonalisation would cost an SVD).
    const double A = 3.4445, B = -4.7750, C = 2.0315;

    readonly (Parameter Weight, Tensor Momentum)[] pairs;
    readonly double momentum;

    public Muon(IEnumerable<Parameter> matrices, double momentum = 0.95)
    {
        pairs = matrices.Select(p => p.dim() == 2
            ? (p, zeros_like(p, dtype: ScalarType.Float32))
            : throw new ArgumentException($"Muon updates matrices only, got a tensor of shape [{string.Join(", ", p.shape)}]")).ToArray();
        if (momentum is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1)");
        this.momentum = momentum;
    }

    /// <summary>Clears the gradients of the matrices this optimiser updates (AdamW's zero_grad does not reach them).</summary>
    public void ZeroGrad()
    {
        foreach (var (weight, _) in pairs) weight.grad?.zero_();
    }

    /// <summary>One update at learning rate <paramref name="lr"/> from the gradients now on the matrices.</summary>
    public void Step(double lr)
    {
        using var noGrad = no_grad();
        foreach (var (weight, buffer) in pairs)
        {
            using var scope = NewDisposeScope();
            var grad = weight.grad;
            if (grad is null) continue;
            var g = grad.to_type(ScalarType.Float32);
            buffer.mul_(momentum).add_(g, alpha: 1 - momentum);
            var nesterov = g.mul(1 - momentum).add_(buffer, alpha: momentum);
            var update = Orthogonalize(nesterov);
            // A tall matrix's orthogonal update has a smaller RMS than a wide one's; the reference scales it back up.
            var scale = Math.Sqrt(Math.Max(1.0, (double)weight.shape[0] / weight.shape[1]));
            weight.add_(update.to_type(weight.dtype), alpha: -lr * scale);
        }
    }

    /// <summary>
    /// The semi-orthogonal factor U·Vᵀ of g = U·S·Vᵀ, approximately, by five quintic Newton–Schulz iterations.
    /// Works on the wide orientation (rows ≤ columns), where X·Xᵀ is the smaller product.
    /// </summary>
    public static Tensor Orthogonalize(Tensor g, int iterations = 5)
    {
        using var scope = NewDisposeScope();
        var tall = g.shape[0] > g.shape[1];
        var x = tall ? g.t() : g;
        x = x.div(x.norm().add(1e-7));
        for (var i = 0; i < iterations; i++)
        {
            var a = x.matmul(x.t());
            var b = a.mul(B).add_(a.matmul(a), alpha: C);
            x = x.mul(A).add_(b.matmul(x));
        }
        return (tall ? x.t() : x).contiguous().MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var (_, buffer) in pairs) buffer.Dispose();
    }
}
