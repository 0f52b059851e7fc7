using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Builds the boolean mask (true = may attend) for scaled_dot_product_attention.</summary>
public static class AttentionMask
{
    /// <summary>
    /// keyMask (B, S) marks real tokens over all S positions (cache + this step); the step's T queries sit at
    /// S-T … S-1. Result (B, 1, T, S): causal ∧ real key, plus the diagonal, so a pad query still sees itself —
    /// a fully masked row would make SDPA return NaN, and NaN values in the cache poison later steps.
    /// </summary>
    public static Tensor Build(Tensor keyMask, int queryLength)
    {
        using var scope = NewDisposeScope();
        var s = keyMask.shape[1];
        var device = keyMask.device;
        var q = arange(s - queryLength, s, dtype: ScalarType.Int64, device: device).unsqueeze(1);  // (T, 1)
        var k = arange(0, s, dtype: ScalarType.Int64, device: device).unsqueeze(0);                // (1, S)
        var causal = k.le(q);                                                                      // (T, S)
        var mask = causal.unsqueeze(0).logical_and(keyMask.to_type(ScalarType.Bool).unsqueeze(1)) // (B, T, S)
            .logical_or(k.eq(q).unsqueeze(0));
        return mask.unsqueeze(1).MoveToOuterDisposeScope();                                        // (B, 1, T, S)
    }
}
