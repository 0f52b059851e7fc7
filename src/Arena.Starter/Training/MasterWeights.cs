using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>
/// Float32 copies of a low-precision model's weights, for the optimiser to update (mixed-precision training).
/// The model computes forward and backward in its own dtype — on a CPU with AVX-512 BF16 a bf16 matmul runs 3–6×
/// faster than a float32 one — but bf16 keeps 8 mantissa bits, so an AdamW update of ~1e-3 of a weight would round
/// away. Each step: gradients are gathered into the masters, the optimiser steps them, and the result is published back.
/// </summary>
public sealed class MasterWeights : IDisposable
{
    readonly (Parameter Model, Parameter Master)[] pairs;

    public MasterWeights(IEnumerable<Parameter> modelParameters)
    {
        using var noGrad = no_grad();
        pairs = modelParameters.Select(p => (p, new Parameter(p.detach().to_type(ScalarType.Float32), requires_grad: true))).ToArray();
    }

    /// <summary>The master of each model parameter, in the order they were given.</summary>
    public IReadOnlyList<Parameter> Masters => pairs.Select(p => p.Master).ToArray();

    /// <summary>Moves the model's gradients (float32 from here on) onto the masters and clears the model's.</summary>
    public void GatherGradients()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (model, master) in pairs)
        {
            var g = model.grad;
            if (g is null) continue;
            var mg = master.grad;
            if (mg is null) master.grad = g.to_type(ScalarType.Float32);
            else mg.copy_(g);
            g.zero_();
        }
    }

    /// <summary>Copies the masters into the model (rounded to its dtype).</summary>
    public void Publish()
    {
        using var noGrad = no_grad();
        foreach (var (model, master) in pairs) model.copy_(master);
    }

    public void Dispose()
    {
        foreach (var (_, master) in pairs) master.Dispose();
    }
}
