using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>
/// The running mean of a model's weights over the last steps of a run (tail averaging, as in stochastic weight
/// averaging). A short CPU run ends while its weights still move step to step; the mean of the last stretch sits nearer
/// the middle of the basin the run was in, which generalises better than wherever the last step happened to land, and
/// takes the luck of the final step out of a build.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    readonly (Parameter Weight, Tensor Mean)[] pairs;

    public WeightAverage(IEnumerable<Parameter> weights)
    {
        using var noGrad = no_grad();
        pairs = weights.Select(w => (w, w.detach().to_type(ScalarType.Float32).clone())).ToArray();
        Count = 1;
    }

    /// <summary>How many steps' weights are in the mean.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the weights as they are now.</summary>
    public void Add()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Count++;
        foreach (var (weight, mean) in pairs) mean.add_(weight.to_type(ScalarType.Float32).sub(mean), alpha: 1.0 / Count);
    }

    /// <summary>Writes the mean into the weights it was taken from.</summary>
    public void CopyToWeights()
    {
        using var noGrad = no_grad();
        foreach (var (weight, mean) in pairs) weight.copy_(mean);
    }

    public void Dispose()
    {
        foreach (var (_, mean) in pairs) mean.Dispose();
    }
}
