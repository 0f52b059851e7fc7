namespace Arena.Core.Bakes;

/// <summary>
/// The bake recipe a user submits. The defaults are the ones measured to converge on the starter model
/// (docs/baking.md: lr 1e-3, 8 epochs, 8 trajectories per query, ~30 s on a 2-core CPU); the paper's lr 1e-4
/// under-trains a model this small. <see cref="Validate"/> is the server-side check of every field.
/// </summary>
public sealed record BakeSettings
{
    public required string Prompt { get; init; }
    public string Preset { get; init; } = BakePresets.Custom;
    public int TrajectoriesPerQuery { get; init; } = 8;
    public int MaxTokens { get; init; } = 64;
    public double Temperature { get; init; } = 1.0;
    public double TopP { get; init; } = 1.0;
    /// <summary>null: full-vocabulary KL; k: top-k teacher logits.</summary>
    public int? KlTopK { get; init; }
    public int Rank { get; init; } = 32;
    public double Alpha { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public int Epochs { get; init; } = 8;
    public int BatchSize { get; init; } = 16;
    public long Seed { get; init; } = 1;
    /// <summary>Optional user queries (one per entry); empty uses the engine's built-in set.</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];

    /// <summary>Every problem, as "field: message" pairs; empty when the settings are acceptable.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate(BakeLimits limits)
    {
        var errors = new List<(string, string)>();
        void Check(bool ok, string field, string message) { if (!ok) errors.Add((field, message)); }
        Check(!string.IsNullOrWhiteSpace(Prompt), nameof(Prompt), "the prompt to bake is empty");
        Check((Prompt ?? "").Length <= limits.MaxPromptChars, nameof(Prompt), $"the prompt is {(Prompt ?? "").Length} characters; the limit is {limits.MaxPromptChars}");
        Check(BakePresets.All.Contains(Preset), nameof(Preset), $"unknown preset '{Preset}'");
        Check(TrajectoriesPerQuery >= 1 && TrajectoriesPerQuery <= limits.MaxTrajectoriesPerQuery, nameof(TrajectoriesPerQuery), $"must be in 1..{limits.MaxTrajectoriesPerQuery}");
        Check(MaxTokens >= 1 && MaxTokens <= limits.MaxTokens, nameof(MaxTokens), $"must be in 1..{limits.MaxTokens}");
        Check(double.IsFinite(Temperature) && Temperature > 0 && Temperature <= 4, nameof(Temperature), "must be in (0, 4]");
        Check(double.IsFinite(TopP) && TopP > 0 && TopP <= 1, nameof(TopP), "must be in (0, 1]");
        Check(KlTopK is null || (KlTopK >= 1 && KlTopK <= 4096), nameof(KlTopK), "must be in 1..4096 (or empty for the full vocabulary)");
        Check(Rank >= 1 && Rank <= limits.MaxRank, nameof(Rank), $"must be in 1..{limits.MaxRank}");
        Check(double.IsFinite(Alpha) && Alpha > 0 && Alpha <= 4096, nameof(Alpha), "must be in (0, 4096]");
        Check(double.IsFinite(LearningRate) && LearningRate > 0 && LearningRate <= limits.MaxLearningRate, nameof(LearningRate), $"must be in (0, {limits.MaxLearningRate}]");
        Check(Epochs >= 1 && Epochs <= limits.MaxEpochs, nameof(Epochs), $"must be in 1..{limits.MaxEpochs}");
        Check(BatchSize >= 1 && BatchSize <= limits.MaxBatchSize, nameof(BatchSize), $"must be in 1..{limits.MaxBatchSize}");
        Check(Seed >= 0, nameof(Seed), "must be zero or positive");
        Check(Queries.Count <= limits.MaxQueries, nameof(Queries), $"{Queries.Count} queries; the limit is {limits.MaxQueries}");
        Check(Queries.All(q => !string.IsNullOrWhiteSpace(q) && q.Length <= limits.MaxQueryChars), nameof(Queries), $"queries must be non-empty and at most {limits.MaxQueryChars} characters");
        var queries = Queries.Count == 0 ? BakeLimits.BuiltInQueryCount : Queries.Count;
        Check(queries * TrajectoriesPerQuery <= limits.MaxTotalTrajectories, nameof(TrajectoriesPerQuery),
            $"{queries} queries × {TrajectoriesPerQuery} trajectories exceeds the limit of {limits.MaxTotalTrajectories}");
        return errors;
    }
}
