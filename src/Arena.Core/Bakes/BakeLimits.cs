namespace Arena.Core.Bakes;

/// <summary>Bounds on what one bake may ask of a shared worker (configuration section Arena:Bakes:Limits).</summary>
public sealed class BakeLimits
{
    /// <summary>The engine's built-in query set has 60 queries (48 train, 12 held out).</summary>
    public const int BuiltInQueryCount = 60;

    public int MaxPromptChars { get; set; } = 4000;
    public int MaxQueries { get; set; } = 512;
    public int MaxQueryChars { get; set; } = 1000;
    public int MaxTrajectoriesPerQuery { get; set; } = 32;
    public int MaxTotalTrajectories { get; set; } = 4096;
    public int MaxTokens { get; set; } = 512;
    public int MaxRank { get; set; } = 128;
    public double MaxLearningRate { get; set; } = 0.05;
    public int MaxEpochs { get; set; } = 50;
    public int MaxBatchSize { get; set; } = 128;
    /// <summary>Bakes a user may have queued or running at once.</summary>
    public int ConcurrentBakesPerUser { get; set; } = 2;
}
