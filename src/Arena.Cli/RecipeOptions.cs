using Arena.Contracts.Bakes;

namespace Arena.Cli;

/// <summary>
/// The bake recipe's command-line options, shared by `bake` and `eval-bakes`: each falls back to the given recipe
/// (the recipe's defaults, or the acceptance recipe), and the recipe's own bounds decide what is refused.
/// </summary>
public static class RecipeOptions
{
    public const string Usage =
        "[--trajectories N] [--max-tokens N] [--temperature T] [--top-p P] [--kl full|topk:K] [--rank R] [--alpha A]\n" +
        "[--targets q,k,v,o] [--lr LR] [--epochs N] [--student-rollouts F] [--batch N] [--seed S]";

    public static BakeRecipe Read(CliArgs a, BakeRecipe defaults)
    {
        var recipe = defaults with
        {
            TrajectoriesPerQuery = a.Int("trajectories", defaults.TrajectoriesPerQuery),
            MaxTokens = a.Int("max-tokens", defaults.MaxTokens),
            Temperature = a.Double("temperature", defaults.Temperature),
            TopP = a.Double("top-p", defaults.TopP),
            Kl = a.Get("kl") is { } kl ? Parse(kl) : defaults.Kl,
            Rank = a.Int("rank", defaults.Rank),
            Alpha = a.Double("alpha", defaults.Alpha),
            Targets = a.Get("targets") is { } targets ? BakeRecipe.ExpandTargets(targets.Split(',')) : defaults.Targets,
            LearningRate = a.Double("lr", defaults.LearningRate),
            Epochs = a.Int("epochs", defaults.Epochs),
            StudentRollouts = a.Double("student-rollouts", defaults.StudentRollouts),
            BatchSize = a.Int("batch", defaults.BatchSize),
            Seed = a.Long("seed") ?? defaults.Seed,
        };
        return recipe;
    }

    /// <summary>Exit 2 with the first setting out of the recipe's bounds, named by its option (the rank is checked again
    /// against the model).</summary>
    public static void Check(BakeRecipe recipe)
    {
        if (recipe.Problems() is [var problem, ..])
            throw new UsageException(Options.TryGetValue(problem.Field, out var option) ? $"--{option}: {problem.Message}" : problem.Message);
    }

    /// <summary>The option that sets each recipe property.</summary>
    static readonly Dictionary<string, string> Options = new()
    {
        [nameof(BakeRecipe.Prompt)] = "prompt", [nameof(BakeRecipe.Queries)] = "queries",
        [nameof(BakeRecipe.GenerateQueries)] = "generate-queries", [nameof(BakeRecipe.HeldOutFraction)] = "held-out",
        [nameof(BakeRecipe.TrajectoriesPerQuery)] = "trajectories", [nameof(BakeRecipe.MaxTokens)] = "max-tokens",
        [nameof(BakeRecipe.Temperature)] = "temperature", [nameof(BakeRecipe.TopP)] = "top-p", [nameof(BakeRecipe.Kl)] = "kl",
        [nameof(BakeRecipe.Rank)] = "rank", [nameof(BakeRecipe.Alpha)] = "alpha", [nameof(BakeRecipe.Targets)] = "targets",
        [nameof(BakeRecipe.LearningRate)] = "lr", [nameof(BakeRecipe.Epochs)] = "epochs",
        [nameof(BakeRecipe.StudentRollouts)] = "student-rollouts", [nameof(BakeRecipe.BatchSize)] = "batch", [nameof(BakeRecipe.Seed)] = "seed",
    };

    static KlMode Parse(string s)
    {
        try { return KlMode.Parse(s); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
