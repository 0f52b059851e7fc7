using Arena.Contracts.Bakes;
using Arena.Engine.Baking;

namespace Arena.Worker.Bakes;

/// <summary>The engine's recipe from a bake message. Bounds are left to <see cref="BakeRecipe.Validate"/>, which names the bad setting.</summary>
public static class RecipeMapper
{
    public static BakeRecipe From(string prompt, BakeParameters p)
    {
        var recipe = new BakeRecipe
        {
            Prompt = prompt,
            Queries = p.Queries ?? [],
            TrajectoriesPerQuery = p.TrajectoriesPerQuery,
            MaxTokens = p.MaxTokens,
            Temperature = p.Temperature,
            TopP = p.TopP,
            // KlMode's own factory would throw before Validate; a bad k is reported by Validate with the other bounds.
            Kl = p.KlTopK is { } k ? new KlMode(k) : KlMode.Full,
            Rank = p.Rank,
            Alpha = p.Alpha,
            Targets = BakeRecipe.ExpandTargets(p.Targets ?? []),
            LearningRate = p.LearningRate,
            Epochs = p.Epochs,
            BatchSize = p.BatchSize,
            Seed = p.Seed,
        };
        BakeRecipe.CheckTotalTrajectories(recipe.Queries.Count, recipe.TrajectoriesPerQuery);
        return recipe;
    }
}
