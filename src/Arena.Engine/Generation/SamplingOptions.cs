namespace Arena.Engine.Generation;

/// <summary>How to pick tokens. Temperature 0 means greedy; TopK 0 and TopP 1 disable those filters.</summary>
public sealed record SamplingOptions
{
    public int MaxNewTokens { get; init; } = 256;
    public double Temperature { get; init; } = 1.0;
    public int TopK { get; init; }
    public double TopP { get; init; } = 1.0;
    /// <summary>Fixed seed for reproducible sampling; null draws one.</summary>
    public long? Seed { get; init; }
    public IReadOnlyList<int> StopTokenIds { get; init; } = [];
    /// <summary>Checked on decoded text by the text layer; the token layer only sees ids.</summary>
    public IReadOnlyList<string> StopStrings { get; init; } = [];

    public bool Greedy => Temperature <= 0;

    public static SamplingOptions GreedyDecoding(int maxNewTokens) => new() { MaxNewTokens = maxNewTokens, Temperature = 0 };

    /// <summary>Throws <see cref="ArgumentException"/> for values no caller should send.</summary>
    public void Validate(int maxTokensLimit = 1 << 20)
    {
        if (MaxNewTokens < 1 || MaxNewTokens > maxTokensLimit) throw new ArgumentException($"max tokens must be in 1..{maxTokensLimit}, got {MaxNewTokens}");
        if (double.IsNaN(Temperature) || Temperature < 0 || Temperature > 100) throw new ArgumentException($"temperature must be in 0..100, got {Temperature}");
        if (TopK < 0) throw new ArgumentException($"top-k must be ≥ 0, got {TopK}");
        if (double.IsNaN(TopP) || TopP <= 0 || TopP > 1) throw new ArgumentException($"top-p must be in (0, 1], got {TopP}");
    }
}
