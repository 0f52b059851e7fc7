using Arena.Engine.Lora;

namespace Arena.Engine.Baking;

/// <summary>The baked adapter (the best by held-out KL), early-stop checkpoints, and the report.</summary>
public sealed class BakeResult(LoraAdapter adapter, IReadOnlyList<(double Fraction, LoraAdapter Adapter)> checkpoints, BakeReport report) : IDisposable
{
    public LoraAdapter Adapter { get; } = adapter;
    public IReadOnlyList<(double Fraction, LoraAdapter Adapter)> Checkpoints { get; } = checkpoints;
    public BakeReport Report { get; } = report;

    public void Dispose()
    {
        Adapter.Dispose();
        foreach (var (_, a) in Checkpoints) a.Dispose();
    }
}
