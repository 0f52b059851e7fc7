using Arena.Core.Bakes;
using Arena.Core.Models;

namespace Arena.Web.Components.Pages.Bake;

/// <summary>
/// The bake form's editable state. Its errors come from <see cref="BakeSettings.Validate"/> (the same check the
/// service runs again on submit) plus the model-level fields (parent, name), keyed by field name.
/// </summary>
public sealed class BakeForm
{
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 2000;
    private static readonly BakeSettings Defaults = new() { Prompt = "" };

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
    public bool TopKKl { get; set; } = Defaults.KlTopK is not null;
    public int KlTopK { get; set; } = Defaults.KlTopK ?? 64;
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

    public BakeSettings ToSettings() => new()
    {
        Prompt = Prompt,
        Preset = Preset,
        TrajectoriesPerQuery = TrajectoriesPerQuery,
        MaxTokens = MaxTokens,
        Temperature = Temperature,
        TopP = TopP,
        KlTopK = TopKKl ? KlTopK : null,
        Rank = Rank,
        Alpha = Alpha,
        LearningRate = LearningRate,
        Epochs = Epochs,
        BatchSize = BatchSize,
        Seed = Seed,
        Queries = QueryList,
    };

    public BakeRequest ToRequest() =>
        new(ParentId ?? Guid.Empty, Name.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Visibility, ToSettings());

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
        else if (Name.Trim().Length > MaxNameLength) errors.Add((nameof(Name), $"at most {MaxNameLength} characters"));
        if (Description.Length > MaxDescriptionLength) errors.Add((nameof(Description), $"at most {MaxDescriptionLength} characters"));
        errors.AddRange(ToSettings().Validate(limits));
        return errors;
    }
}
