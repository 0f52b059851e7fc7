namespace Arena.Contracts.Bakes;

/// <summary>A rate with its 95% interval and how many replies it is over.</summary>
public sealed record RateSummary(double Value, double Low, double High, int Count);

/// <summary>Adherence at one conversation turn, for the prompted parent and the new model unprompted (prompt decay).</summary>
public sealed record DecayPointSummary(int Turn, RateSummary? Prompted, RateSummary? Baked);

/// <summary>
/// Per-token KL(prompted parent ‖ model) on held-out questions, after the bake (<see cref="ModelMean"/>) and before it
/// (<see cref="BaseMean"/>, the parent), with histograms over the bins between <see cref="Edges"/> (one more count
/// than edges: below the first and above the last are bins too).
/// </summary>
public sealed record KlCard(double ModelMean, double BaseMean, double? Ratio, int Tokens, IReadOnlyList<double> Edges,
    IReadOnlyList<int> ModelCounts, IReadOnlyList<int> BaseCounts);

/// <summary>One held-out question answered before the bake (the parent, unprompted and prompted) and after it.</summary>
public sealed record ReportCardSample(string Question, string Before, string Prompted, string After, bool? BeforePassed, bool? PromptedPassed, bool? AfterPassed);

/// <summary>
/// The quick evaluation every finished bake gets. <see cref="Floor"/> is the parent unprompted, <see cref="Ceiling"/>
/// the parent prompted (what the bake aims at), <see cref="Baked"/> the new model unprompted, each the share of
/// held-out replies that follow the prompt as judged by <see cref="Rule"/>; <see cref="Fidelity"/> is Baked ÷ Ceiling.
/// Retention is the share of everyday questions answered right, by the parent and by the new model. A prompt no rule
/// recognises has no rates, only the samples (and the bake's KL). <see cref="Verdict"/> is one of
/// <see cref="ReportVerdicts"/>; <see cref="Summary"/> says it in a sentence for the page.
/// </summary>
public sealed record BakeReportCard
{
    public string? Rule { get; init; }
    public RateSummary? Floor { get; init; }
    public RateSummary? Ceiling { get; init; }
    public RateSummary? Baked { get; init; }
    public double? Fidelity { get; init; }
    public RateSummary? RetentionParent { get; init; }
    public RateSummary? RetentionBaked { get; init; }
    /// <summary>Everyday questions the parent answered right that the new model still answers right.</summary>
    public int RetentionKept { get; init; }
    /// <summary>Everyday questions the parent answered right.</summary>
    public int RetentionParentRight { get; init; }
    public IReadOnlyList<ReportCardSample> Samples { get; init; } = [];
    /// <summary>Prompt decay: adherence turn by turn over long conversations of unrelated questions; empty without a rule.</summary>
    public IReadOnlyList<DecayPointSummary> Decay { get; init; } = [];
    /// <summary>How far the decay conversations got, in a sentence (they stop where the model's context runs out).</summary>
    public string? DecayNote { get; init; }
    public KlCard? Kl { get; init; }
    public string Verdict { get; init; } = ReportVerdicts.Unmeasured;
    public string Summary { get; init; } = "";
    /// <summary>Set when the new model lost what the parent knew, in a sentence; null otherwise.</summary>
    public string? RetentionNote { get; init; }
    public int Seed { get; init; }
    public string EngineVersion { get; init; } = "";
    public double Seconds { get; init; }
    /// <summary>False when the evaluation stopped before every reply was written: shown as incomplete.</summary>
    public bool Complete { get; init; } = true;
}

/// <summary>What a report card concludes.</summary>
public static class ReportVerdicts
{
    /// <summary>The new model follows the prompt unprompted about as well as the parent did prompted.</summary>
    public const string Took = "took";
    /// <summary>Some of the prompt's effect is in the weights, not all.</summary>
    public const string Partial = "partial";
    /// <summary>The new model does not follow the prompt on its own.</summary>
    public const string DidNotTake = "did-not-take";
    /// <summary>The parent does not follow the prompt even when prompted: there was nothing to bake in.</summary>
    public const string NoCeiling = "no-ceiling";
    /// <summary>No rule recognises this prompt: judge by the KL and the samples.</summary>
    public const string Unmeasured = "unmeasured";
}
