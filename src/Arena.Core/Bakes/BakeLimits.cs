using Arena.Contracts.Bakes;

namespace Arena.Core.Bakes;

/// <summary>
/// What one user's bake may ask of a shared worker (configuration section Arena:Bakes:Limits): the platform's own
/// limits, tighter than the recipe's, which stay the bounds of every setting not named here.
/// </summary>
public sealed class BakeLimits
{
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

    /// <summary>Every problem, one per field, keyed by the recipe's property names. Where these limits narrow a
    /// setting's range, a value outside it gets this range's message, which states what this user may use.</summary>
    public IReadOnlyList<RecipeProblem> Problems(BakeRecipe r)
    {
        var recipe = r.Problems();
        var problems = new List<RecipeProblem>();
        void Add(string field, string message) { if (problems.All(p => p.Field != field)) problems.Add(new(field, message)); }
        // A value outside the recipe's range is outside this narrower one too (they share their lower ends).
        void Range(bool within, string field, string message) { if (!within || recipe.Any(p => p.Field == field)) Add(field, message); }
        void Limit(bool ok, string field, string message) { if (!ok) Add(field, message); }

        Range(r.GenerateQueries <= MaxQueries, nameof(r.GenerateQueries), $"generated queries must be in 0..{MaxQueries}");
        Range(r.TrajectoriesPerQuery <= MaxTrajectoriesPerQuery, nameof(r.TrajectoriesPerQuery), $"trajectories per query must be in 1..{MaxTrajectoriesPerQuery}, got {r.TrajectoriesPerQuery}");
        Range(r.MaxTokens <= MaxTokens, nameof(r.MaxTokens), $"max tokens must be in 1..{MaxTokens}, got {r.MaxTokens}");
        Range(r.Rank <= MaxRank, nameof(r.Rank), $"rank must be in 1..{MaxRank}, got {r.Rank}");
        Range(r.LearningRate <= MaxLearningRate, nameof(r.LearningRate), $"learning rate must be in (0, {MaxLearningRate}], got {r.LearningRate}");
        Range(r.Epochs <= MaxEpochs, nameof(r.Epochs), $"epochs must be in 1..{MaxEpochs}, got {r.Epochs}");
        Range(r.BatchSize <= MaxBatchSize, nameof(r.BatchSize), $"batch size must be in 1..{MaxBatchSize}, got {r.BatchSize}");
        foreach (var p in recipe) Add(p.Field, p.Message);

        var prompt = r.Prompt ?? "";
        var queries = r.Queries ?? [];
        Limit(prompt.Length <= MaxPromptChars, nameof(r.Prompt), $"the prompt is {prompt.Length} characters; the limit is {MaxPromptChars}");
        Limit(queries.Count <= MaxQueries, nameof(r.Queries), $"{queries.Count} queries; the limit is {MaxQueries}");
        Limit(queries.All(q => q.Length <= MaxQueryChars), nameof(r.Queries), $"queries must be at most {MaxQueryChars} characters");
        var planned = r.KnownQueryCount ?? r.GenerateQueries;
        Limit((long)planned * r.TrajectoriesPerQuery <= MaxTotalTrajectories, nameof(r.TrajectoriesPerQuery),
            $"{planned} queries × {r.TrajectoriesPerQuery} trajectories exceeds the limit of {MaxTotalTrajectories}");
        return problems;
    }
}
