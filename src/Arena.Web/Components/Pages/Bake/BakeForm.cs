using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;

namespace Arena.Web.Components.Pages.Bake;

/// <summary>
/// The bake form's editable state: its defaults are the recipe's, and its errors the checks the service runs again on
/// submit (the user's limits on the recipe, <see cref="ModelNames"/> for the name and description), keyed by the
/// recipe's property names or the form's own (parent, name, description).
/// </summary>
public sealed class BakeForm
{
    private static readonly BakeRecipe Defaults = new() { Prompt = "" };

    public Guid? ParentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public Visibility Visibility { get; set; } = Visibility.Public;
    public string Preset { get; set; } = BakePresets.Custom;
    public string Prompt { get; set; } = "";
    public int TrajectoriesPerQuery { get; set; } = Defaults.TrajectoriesPerQuery;
    public int MaxTokens { get; set; } = Defaults.MaxTokens;
    public double Temperature { get; set; } = Defaults.Temperature;
    public double TopP { get; set; } = Defaults.TopP;
    public bool TopKKl { get; set; } = Defaults.Kl.TopK is not null;
    /// <summary>Shown when the top-k switch is on; 64 keeps most of a small model's probability mass.</summary>
    public int KlTopK { get; set; } = Defaults.Kl.TopK ?? 64;
    public int Rank { get; set; } = Defaults.Rank;
    public double Alpha { get; set; } = Defaults.Alpha;
    public double LearningRate { get; set; } = Defaults.LearningRate;
    public int Epochs { get; set; } = Defaults.Epochs;
    public int BatchSize { get; set; } = Defaults.BatchSize;
    public long Seed { get; set; } = Defaults.Seed;
    /// <summary>One query per line; blank lines are ignored.</summary>
    public string Queries { get; set; } = "";

    public IReadOnlyList<string> QueryList =>
        Queries.Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();

    public BakeRecipe ToRecipe() => Defaults with
    {
        Prompt = Prompt,
        TrajectoriesPerQuery = TrajectoriesPerQuery,
        MaxTokens = MaxTokens,
        Temperature = Temperature,
        TopP = TopP,
        Kl = new KlMode(TopKKl ? KlTopK : null),
        Rank = Rank,
        Alpha = Alpha,
        LearningRate = LearningRate,
        Epochs = Epochs,
        BatchSize = BatchSize,
        Seed = Seed,
        Queries = QueryList,
    };

    public BakeRequest ToRequest() =>
        new(ParentId ?? Guid.Empty, Name.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Visibility, Preset, ToRecipe());

    /// <summary>Chooses a preset: fills the prompt with its example unless the user already wrote their own.</summary>
    public void ChoosePreset(string preset)
    {
        var untouched = string.IsNullOrWhiteSpace(Prompt) || BakePresets.All.Any(p => BakePresets.Example(p) == Prompt);
        Preset = preset;
        if (untouched) Prompt = BakePresets.Example(preset);
    }

    public IReadOnlyList<(string Field, string Message)> Validate(BakeLimits limits)
    {
        var errors = new List<(string, string)>();
        if (ParentId is null) errors.Add((nameof(ParentId), "choose the model to bake on"));
        if (string.IsNullOrWhiteSpace(Name)) errors.Add((nameof(Name), "give the new model a name"));
        else if (ModelNames.Problem(Name) is { } name) errors.Add((nameof(Name), name));
        if (ModelNames.DescriptionProblem(Description) is { } description) errors.Add((nameof(Description), description));
        errors.AddRange(limits.Problems(ToRecipe()).Select(p => (p.Field, p.Message)));
        return errors;
    }
}
