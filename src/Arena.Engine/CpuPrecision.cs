using System.Diagnostics;
using static TorchSharp.torch;

namespace Arena.Engine;

/// <summary>
/// Whether this CPU computes bf16 faster than float32. With bf16 dot-product instructions (AVX-512 BF16, AMX) a bf16
/// matmul runs 3–6× faster than a float32 one and mixed-precision training pays (docs/benchmarks.md); without them
/// libtorch widens bf16 in software, and the starter's training step ran 13× <i>slower</i> than float32 (AMD EPYC
/// Zen 3, AVX2 only, 2026-12-06): a build sized for 20 minutes would need hours, or spend its budget on a tenth of the
/// steps. The answer is advice for whoever picks a dtype (<c>arena bench</c> prints it), never the pick itself: a timing
/// differs from machine to machine, so a training run that followed it would make a different model from the same seed.
/// </summary>
public static class CpuPrecision
{
    static readonly Lazy<bool> fastBFloat16 = new(Measure);

    /// <summary>True when a bf16 matmul on this CPU takes well under the float32 one's time (measured once per process).</summary>
    public static bool FastBFloat16 => fastBFloat16.Value;

    /// <summary>
    /// Interleaved timings of a 384³ matmul in both dtypes, the best of several each, so a busy machine slows both alike.
    /// The two outcomes seen are 3–6× apart either way, so the 0.7 threshold is far from both.
    /// </summary>
    static bool Measure()
    {
        TorchThreads.Apply();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a32 = rand(384, 384);
        var b32 = rand(384, 384);
        var (a16, b16) = (a32.to_type(ScalarType.BFloat16), b32.to_type(ScalarType.BFloat16));
        double best32 = double.MaxValue, best16 = double.MaxValue;
        for (var i = 0; i < 6; i++)
        {
            best32 = Math.Min(best32, Time(() => a32.matmul(b32)));
            best16 = Math.Min(best16, Time(() => a16.matmul(b16)));
        }
        return best16 < 0.7 * best32;
    }

    static double Time(Func<Tensor> op)
    {
        var clock = Stopwatch.StartNew();
        op().Dispose();
        return clock.Elapsed.TotalSeconds;
    }
}
