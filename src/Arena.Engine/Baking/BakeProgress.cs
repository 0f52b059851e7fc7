namespace Arena.Engine.Baking;

/// <summary>Reported while baking; the worker forwards these to the browser.</summary>
public sealed record BakeProgress(BakePhase Phase, int Step, int TotalSteps, double? Kl, double TokensPerSecond, TimeSpan Elapsed, TimeSpan? Remaining, string? Message = null)
{
    public double Fraction => TotalSteps == 0 ? 0 : (double)Step / TotalSteps;
}
