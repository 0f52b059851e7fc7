using Arena.Contracts.Bakes;

namespace Arena.Web.Components.Pages.Bake;

/// <summary>The label and one-line help of each advanced setting, keyed by the recipe's property names (the keys of
/// its errors), so the form, its error hint and its tests name a setting the same way.</summary>
public static class BakeSettingHelp
{
    public sealed record Setting(string Label, string Help);

    public static readonly IReadOnlyDictionary<string, Setting> All = new Dictionary<string, Setting>
    {
        [nameof(BakeRecipe.TrajectoriesPerQuery)] = new("Trajectories per query", "Replies sampled from the prompted model for each query; more gives steadier training and costs time."),
        [nameof(BakeRecipe.MaxTokens)] = new("Max tokens", "Longest sampled reply, in tokens; longer replies bake long answers but cost time."),
        [nameof(BakeRecipe.Temperature)] = new("Temperature", "Randomness of the sampled replies: 1 samples the model as is, lower is more predictable."),
        [nameof(BakeRecipe.TopP)] = new("Top-p", "Samples only from the most likely tokens covering this share of probability; 1 keeps them all."),
        [nameof(BakeRecipe.Kl)] = new("k", "How many of the teacher's most likely tokens the KL compares; fewer is faster and less exact."),
        [nameof(BakeRecipe.Rank)] = new("LoRA rank", "Size of the adapter: higher can learn more of the prompt and takes more memory."),
        [nameof(BakeRecipe.Alpha)] = new("LoRA alpha", "Scale of the adapter's effect; usually twice the rank."),
        [nameof(BakeRecipe.LearningRate)] = new("Learning rate", "Step size of training: too high diverges, too low under-trains."),
        [nameof(BakeRecipe.Epochs)] = new("Epochs", "Passes over the sampled replies; more bakes the prompt in deeper and takes longer."),
        [nameof(BakeRecipe.BatchSize)] = new("Batch size", "Replies per training step; larger is smoother and uses more memory."),
        [nameof(BakeRecipe.Seed)] = new("Seed", "Fixes the random choices, so the same settings bake the same model."),
        [nameof(BakeRecipe.Queries)] = new("Queries (optional, one per line; empty uses the built-in set)", "The user questions the replies answer; a fifth are held out to measure the bake."),
    };

    public static string LabelOf(string field) => All.TryGetValue(field, out var s) ? s.Label : field;
}
