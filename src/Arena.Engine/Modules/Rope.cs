using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Rotary position embedding as pure functions: inverse frequencies (with scaling), cos/sin tables, rotation.</summary>
public static class Rope
{
    /// <summary>inv_freq (headDim/2) in float32, computed the way transformers does so logits match bit for bit.</summary>
    public static Tensor InverseFrequencies(int headDim, double theta, RopeScaling scaling, Device device)
    {
        using var scope = NewDisposeScope();
        var exponents = arange(0, headDim, 2, dtype: ScalarType.Int64).to_type(ScalarType.Float32).div(headDim);
        var invFreq = pow(tensor((float)theta), exponents).reciprocal();
        invFreq = scaling.Type switch
        {
            "linear" => invFreq.div(scaling.Factor),
            "llama3" => Llama3(invFreq, scaling),
            _ => invFreq,
        };
        return invFreq.to(device).MoveToOuterDisposeScope();
    }

    /// <summary>Llama-3.1: long wavelengths are stretched by Factor, short ones kept, the band between interpolated.</summary>
    static Tensor Llama3(Tensor invFreq, RopeScaling s)
    {
        var lowFreqWavelen = s.OriginalMaxPositionEmbeddings / s.LowFreqFactor;
        var highFreqWavelen = s.OriginalMaxPositionEmbeddings / s.HighFreqFactor;
        var wavelen = invFreq.reciprocal().mul(2 * Math.PI);
        var scaled = where(wavelen.gt(lowFreqWavelen), invFreq.div(s.Factor), invFreq);
        var smooth = wavelen.reciprocal().mul(s.OriginalMaxPositionEmbeddings).sub(s.LowFreqFactor).div(s.HighFreqFactor - s.LowFreqFactor);
        var smoothed = smooth.neg().add(1).mul(scaled).div(s.Factor).add(smooth.mul(scaled));
        var isMedium = wavelen.lt(highFreqWavelen).logical_not().logical_and(wavelen.gt(lowFreqWavelen).logical_not());
        return where(isMedium, smoothed, scaled);
    }

    /// <summary>positions (B, T) int64 → cos, sin (B, 1, T, headDim) in <paramref name="dtype"/>.</summary>
    public static (Tensor Cos, Tensor Sin) Tables(Tensor positions, Tensor invFreq, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var freqs = positions.to_type(ScalarType.Float32).unsqueeze(-1).mul(invFreq);    // (B, T, hd/2)
        var emb = cat([freqs, freqs], -1).unsqueeze(1);                                  // (B, 1, T, hd)
        var cos = emb.cos().to_type(dtype);
        var sin = emb.sin().to_type(dtype);
        return (cos.MoveToOuterDisposeScope(), sin.MoveToOuterDisposeScope());
    }

    /// <summary>x (B, nh, T, hd) rotated: x·cos + rotate_half(x)·sin.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var half = x.shape[^1] / 2;
        var x1 = x.narrow(-1, 0, half);
        var x2 = x.narrow(-1, half, half);
        var rotated = cat([x2.neg(), x1], -1);
        return x.mul(cos).add_(rotated.mul(sin)).MoveToOuterDisposeScope();
    }
}
