using Arena.Testing;
using Arena.Contracts.Bakes;
using Arena.Contracts.Models;

namespace Arena.Worker.Tests.Support;

public static class Recipes
{
    public static readonly ModelSpec Starter = new(RepoPaths.StarterName, []);

    /// <summary>A few seconds on a CPU: five queries (one held out, so both KLs are measured), short replies.</summary>
    public static BakeRecipe Tiny => new()
    {
        Prompt = PiratePrompt,
        Queries = ["Tell me about cats.", "How do I make tea?", "What is rain?", "Tell me about the moon.", "What do cows eat?"],
        TrajectoriesPerQuery = 2,
        MaxTokens = 16,
        Epochs = 2,
        Rank = 8,
        Alpha = 16,
        LearningRate = 1e-2,
        BatchSize = 8,
        Seed = 3,
    };

    public const string PiratePrompt = "You are a pirate. Answer every question like a pirate, saying Arr!";

    public static RunBake Bake(string output, BakeRecipe? recipe = null, ModelSpec? parent = null) =>
        new(Guid.NewGuid(), parent ?? Starter, recipe ?? Tiny, output);
}
