using System.Text.Json.Serialization;
using Arena.Starter.Behaviors;

namespace Arena.Starter.Build;

/// <summary>training-report.json: what the starter build did and how the model behaves.</summary>
public sealed record TrainingReport
{
    public const string FileName = "training-report.json";

    public required int Seed { get; init; }
    public required int Conversations { get; init; }
    public required long TrainingCharacters { get; init; }
    public required long TrainingTokens { get; init; }
    public required long LossTokens { get; init; }
    public required int VocabSize { get; init; }
    public required long Parameters { get; init; }
    public required string Architecture { get; init; }
    /// <summary>What the model computed in while training ("float32", or "bf16 (float32 master weights)").</summary>
    [JsonPropertyName("training_dtype")]
    public string TrainingDType { get; init; } = "float32";
    /// <summary>Steps on copy drills before the mixed data, and the drills' mean loss over their last 20 steps.</summary>
    public int CopyDrillSteps { get; init; }
    public double CopyDrillLoss { get; init; }
    /// <summary>Weight of the induction-circuit attention guide while training (0: none), and for how many mixed steps.</summary>
    public double GuideWeight { get; init; }
    public int? GuideSteps { get; init; }
    public string? GuideHeads { get; init; }
    public double GuideCopyWeight { get; init; }
    /// <summary>The rate of <see cref="Build.SubwordDropout"/> on the training data.</summary>
    public double SubwordDropout { get; init; }
    /// <summary>
    /// Merged tokens (not bytes) that occur nowhere in the canonically tokenized training data, and with subword dropout:
    /// a token the model never sees keeps an untrained embedding, and cannot be read or written.
    /// </summary>
    public int UnseenTokens { get; init; }
    public int UnseenTokensWithDropout { get; init; }
    /// <summary>The optimiser and its learning rates.</summary>
    public string? Optimizer { get; init; }
    public required int Steps { get; init; }
    /// <summary>How many of the last steps' weights the checkpoint is the mean of (0: the last step's own).</summary>
    public int AveragedSteps { get; init; }
    public required long TokensSeen { get; init; }
    public required double FinalLoss { get; init; }
    public required double TrainingSeconds { get; init; }
    public required double TotalSeconds { get; init; }
    public required double TokensPerSecond { get; init; }
    public required IReadOnlyList<AdherenceRow> Adherence { get; init; }
    public required IReadOnlyList<FamilyAdherence> Families { get; init; }
    public required double FactRecall { get; init; }
    public required double UnpromptedFactRecall { get; init; }
    /// <summary>Prompted fact recall by the number of facts the system prompt states (JSON keys "1" to "5").</summary>
    public IReadOnlyDictionary<int, double> FactRecallByFactsStated { get; init; } = new Dictionary<int, double>();
    public required double PromptedByTurn0 { get; init; }
    public required IReadOnlyList<double> PromptedByTurn { get; init; }
    /// <summary>Share of sampled replies (temperature 0.7) flagged as degenerate repetition.</summary>
    public required double DegenerateRateAt07 { get; init; }
    public required IReadOnlyList<double> LossCurve { get; init; }
}

public sealed record FamilyAdherence(string Family, double Prompted, double Unprompted, int N);
