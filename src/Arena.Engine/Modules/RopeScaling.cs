namespace Arena.Engine.Modules;

/// <summary>
/// config.json's rope settings. Type "default" (plain RoPE), "linear" (positions divided by Factor) or "llama3"
/// (Llama-3.1's frequency-dependent stretch, parameterised by the low/high frequency factors and the original context).
/// </summary>
public sealed record RopeScaling(
    string Type,
    double Factor = 1.0,
    double LowFreqFactor = 1.0,
    double HighFreqFactor = 4.0,
    int OriginalMaxPositionEmbeddings = 8192)
{
    public static readonly RopeScaling None = new("default");
}
