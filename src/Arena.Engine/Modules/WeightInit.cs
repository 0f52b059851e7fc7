using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>Initialisation for models built from a config rather than loaded (benchmarks, training from scratch).</summary>
public static class WeightInit
{
    /// <summary>GPT-2/Llama style: matrices ~ N(0, std²), residual output projections scaled by 1/√(2·layers), norms 1, biases 0.</summary>
    public static void Normal(CausalLM model, double std, long seed)
    {
        using var noGrad = no_grad();
        var gen = new Generator((ulong)seed, CPU);
        var residualStd = std / Math.Sqrt(2.0 * model.Config.NumLayers);
        foreach (var (name, p) in model.named_parameters().OrderBy(x => x.name, StringComparer.Ordinal))
        {
            if (name.EndsWith("norm.weight") || name.EndsWith("ln_1.weight") || name.EndsWith("ln_2.weight") || name.EndsWith("ln_f.weight")) p.fill_(1);
            else if (p.dim() == 1) p.zero_();
            else
            {
                var s = name.EndsWith("o_proj.weight") || name.EndsWith("down_proj.weight") || name.EndsWith("c_proj.weight") ? residualStd : std;
                using var w = randn(p.shape, dtype: ScalarType.Float32, generator: gen).mul_(s);
                p.copy_(w);
            }
        }
    }
}
