namespace Arena.Contracts.Bakes;

/// <summary>
/// The bake recipe as it travels to the worker. Bounds are checked by the web app before sending
/// (Arena.Core's BakeSettings) and again by the engine before running.
/// </summary>
public sealed record BakeParameters
{
    public int TrajectoriesPerQuery { get; init; } = 8;
    public int MaxTokens { get; init; } = 64;
    public double Temperature { get; init; } = 1.0;
    public double TopP { get; init; } = 1.0;
    /// <summary>null: KL over the full vocabulary; k: over the teacher's top-k logits.</summary>
    public int? KlTopK { get; init; }
    public int Rank { get; init; } = 32;
    public double Alpha { get; init; } = 64;
    public IReadOnlyList<string> Targets { get; init; } = ["q_proj", "k_proj", "v_proj", "o_proj"];
    public double LearningRate { get; init; } = 1e-3;
    public int Epochs { get; init; } = 8;
    public int BatchSize { get; init; } = 16;
    public long Seed { get; init; } = 1;
    /// <summary>User queries; empty uses the engine's built-in set.</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];
}
