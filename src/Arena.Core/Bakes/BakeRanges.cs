using Arena.Contracts.Bakes;

namespace Arena.Core.Bakes;

/// <summary>
/// The allowed range of each setting a user may change, in words, keyed by the recipe's property names: the recipe's
/// bounds (<see cref="BakeRecipe.Limits"/>) narrowed by this platform's <see cref="BakeLimits"/>, the same numbers
/// <see cref="BakeLimits.Problems"/> checks, so the form states a range from one place instead of its own copy.
/// </summary>
public static class BakeRanges
{
    /// <summary>The range of <paramref name="field"/>, or null for a field with no numeric range.</summary>
    public static string? Of(string field, BakeLimits limits) => field switch
    {
        nameof(BakeRecipe.TrajectoriesPerQuery) => $"1–{limits.MaxTrajectoriesPerQuery}, at most {limits.MaxTotalTrajectories:N0} replies in all",
        nameof(BakeRecipe.MaxTokens) => $"1–{limits.MaxTokens}",
        nameof(BakeRecipe.Temperature) => $"above 0, up to {BakeRecipe.Limits.MaxTemperature}",
        nameof(BakeRecipe.TopP) => "above 0, up to 1",
        nameof(BakeRecipe.Kl) => $"1–{BakeRecipe.Limits.MaxTopK}",
        nameof(BakeRecipe.Rank) => $"1–{limits.MaxRank}",
        nameof(BakeRecipe.Alpha) => $"above 0, up to {BakeRecipe.Limits.MaxAlpha}",
        nameof(BakeRecipe.LearningRate) => $"above 0, up to {limits.MaxLearningRate}",
        nameof(BakeRecipe.Epochs) => $"1–{limits.MaxEpochs}",
        nameof(BakeRecipe.BatchSize) => $"1–{limits.MaxBatchSize}",
        nameof(BakeRecipe.Seed) => "0 or more",
        nameof(BakeRecipe.Queries) => $"up to {limits.MaxQueries} queries of {limits.MaxQueryChars} characters each",
        _ => null,
    };
}
