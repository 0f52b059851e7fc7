namespace Arena.Contracts.Bakes;

/// <summary>
/// Everything that defines a bake of prompt u into a model: the one recipe that the bake form, the API, the
/// stored job, the worker message, the engine and the CLI all read. It lives here, in the dependency-free
/// contracts, so the web tier can read its defaults and bounds without the engine (and its libtorch).
/// </summary>
/// <remarks>
/// Defaults follow the prompt-baking paper where it is specific (KL on the teacher's full next-token distribution,
/// LoRA r=32 on q,k,v,o) and measurement elsewhere: lr 1e-3 with 8 epochs and 8 trajectories per query converges on
/// the starter model in ~30 s on a 2-core CPU (docs/baking.md); the paper's lr 1e-4 under-trains a model that small.
/// <see cref="Problems"/> bounds every number a user can send; the platform adds only its per-user limits on top.
/// </remarks>
public sealed record BakeRecipe
{
    public static readonly IReadOnlyList<string> DefaultTargets = ["q_proj", "k_proj", "v_proj", "o_proj"];

    public required string Prompt { get; init; }
    /// <summary>User queries; empty uses the built-in set (or, with <see cref="GenerateQueries"/>, queries written by the model).</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];
    public int GenerateQueries { get; init; }
    /// <summary>Share of queries kept out of training for validation KL.</summary>
    public double HeldOutFraction { get; init; } = 0.2;
    public int TrajectoriesPerQuery { get; init; } = 8;
    public int MaxTokens { get; init; } = 64;
    public double Temperature { get; init; } = 1.0;
    public double TopP { get; init; } = 1.0;
    public KlMode Kl { get; init; } = KlMode.Full;
    public int Rank { get; init; } = 32;
    public double Alpha { get; init; } = 64;
    public IReadOnlyList<string> Targets { get; init; } = DefaultTargets;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; }
    public int Epochs { get; init; } = 8;
    /// <summary>
    /// Share of each epoch's training batches (from the second epoch on) whose replies are sampled from the student
    /// itself, unprompted, with the teacher's targets computed on them (on-policy distillation, as in GKD). 0 is the
    /// paper's bake: the student only ever sees the prompted model's replies, so it never learns to recover from its
    /// own slips (a lowercase word in an all-caps reply), and greedy replies drift where the teacher's would not.
    /// </summary>
    public double StudentRollouts { get; init; }
    public int BatchSize { get; init; } = 16;
    public double GradClip { get; init; } = 1.0;
    public long Seed { get; init; } = 1;
    /// <summary>Fractions of training at which an early-stop checkpoint is kept (half-baking by stopping early).</summary>
    public IReadOnlyList<double> CheckpointFractions { get; init; } = [0.25, 0.5];

    /// <summary>What any bake may ask, whoever runs it. The platform's per-user limits are tighter.</summary>
    public static class Limits
    {
        public const int MaxPromptChars = 8000;
        public const int MaxQueries = 4096;
        public const int MaxTrajectoriesPerQuery = 64;
        public const int MaxTotalTrajectories = 20000;
        public const int MaxTokens = 2048;
        public const double MaxTemperature = 10;
        public const int MaxTopK = 4096;
        public const double MaxAlpha = 4096;
        public const int MaxEpochs = 100;
        public const int MaxBatch = 512;
        public const int MaxCheckpoints = 8;
    }

    /// <summary>
    /// Every setting out of bounds, keyed by the property's name (the form shows each under its field), in the order
    /// the properties are declared. <paramref name="hiddenSize"/> bounds the rank once the model is known.
    /// </summary>
    public IReadOnlyList<RecipeProblem> Problems(int? hiddenSize = null)
    {
        var problems = new List<RecipeProblem>();
        void Check(bool ok, string field, string message) { if (!ok) problems.Add(new(field, message)); }
        var prompt = Prompt ?? "";
        var queries = Queries ?? [];
        Check(!string.IsNullOrWhiteSpace(prompt), nameof(Prompt), "the prompt to bake is empty");
        Check(prompt.Length <= Limits.MaxPromptChars, nameof(Prompt), $"the prompt is {prompt.Length} characters; the limit is {Limits.MaxPromptChars}");
        Check(queries.Count <= Limits.MaxQueries, nameof(Queries), $"{queries.Count} queries; the limit is {Limits.MaxQueries}");
        Check(queries.All(q => !string.IsNullOrWhiteSpace(q)), nameof(Queries), "queries must not be empty");
        Check(GenerateQueries is >= 0 and <= Limits.MaxQueries, nameof(GenerateQueries), $"generated queries must be in 0..{Limits.MaxQueries}");
        Check(HeldOutFraction is >= 0 and < 1, nameof(HeldOutFraction), "held-out fraction must be in [0, 1)");
        Check(TrajectoriesPerQuery is >= 1 and <= Limits.MaxTrajectoriesPerQuery, nameof(TrajectoriesPerQuery), $"trajectories per query must be in 1..{Limits.MaxTrajectoriesPerQuery}, got {TrajectoriesPerQuery}");
        if (KnownQueryCount is { } n && TotalTrajectoriesProblem(n, TrajectoriesPerQuery) is { } total) problems.Add(total);
        Check(MaxTokens is >= 1 and <= Limits.MaxTokens, nameof(MaxTokens), $"max tokens must be in 1..{Limits.MaxTokens}, got {MaxTokens}");
        Check(Temperature is > 0 and <= Limits.MaxTemperature, nameof(Temperature), $"temperature must be in (0, {Limits.MaxTemperature}], got {Temperature}");
        Check(TopP is > 0 and <= 1, nameof(TopP), $"top-p must be in (0, 1], got {TopP}");
        Check(Kl is not null && (Kl.TopK is null or (>= 1 and <= Limits.MaxTopK)), nameof(Kl), $"top-k must be in 1..{Limits.MaxTopK} (or full for the whole vocabulary)");
        Check(Rank >= 1 && (hiddenSize is not { } h || Rank <= h), nameof(Rank), hiddenSize is { } hs ? $"rank must be in 1..{hs} (the hidden size), got {Rank}" : $"rank must be at least 1, got {Rank}");
        Check(Alpha is > 0 and <= Limits.MaxAlpha, nameof(Alpha), $"alpha must be in (0, {Limits.MaxAlpha}], got {Alpha}");
        Check(Targets is { Count: > 0 } && Targets.All(t => !string.IsNullOrWhiteSpace(t)), nameof(Targets), "at least one LoRA target module is needed");
        Check(LearningRate is > 0 and <= 1, nameof(LearningRate), $"learning rate must be in (0, 1], got {LearningRate}");
        Check(WeightDecay is >= 0 and <= 1, nameof(WeightDecay), $"weight decay must be in [0, 1], got {WeightDecay}");
        Check(Epochs is >= 1 and <= Limits.MaxEpochs, nameof(Epochs), $"epochs must be in 1..{Limits.MaxEpochs}, got {Epochs}");
        Check(StudentRollouts is >= 0 and <= 1, nameof(StudentRollouts), $"the student-rollout share must be in [0, 1], got {StudentRollouts}");
        Check(BatchSize is >= 1 and <= Limits.MaxBatch, nameof(BatchSize), $"batch size must be in 1..{Limits.MaxBatch}, got {BatchSize}");
        Check(GradClip is > 0 and < double.PositiveInfinity, nameof(GradClip), $"gradient clipping must be positive, got {GradClip}");
        Check(Seed >= 0, nameof(Seed), $"the seed must be zero or positive, got {Seed}");
        Check(CheckpointFractions is not null && CheckpointFractions.Count <= Limits.MaxCheckpoints && CheckpointFractions.All(f => f is > 0 and < 1),
            nameof(CheckpointFractions), $"at most {Limits.MaxCheckpoints} checkpoint fractions, each in (0, 1)");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with the first setting out of bounds.</summary>
    public void Validate(int hiddenSize)
    {
        if (Problems(hiddenSize) is [var first, ..]) throw new ArgumentException(first.Message);
    }

    /// <summary>How many queries the bake will sample from, when that is known before it runs: the user's, or the
    /// built-in set. Null when the model writes them (<see cref="GenerateQueries"/>).</summary>
    public int? KnownQueryCount => Queries is { Count: > 0 } q ? q.Count : GenerateQueries > 0 ? null : QuerySet.BuiltIn.Count;

    /// <summary>
    /// The bound on queries × trajectories, for callers that learn the query count only later (generated queries);
    /// <see cref="Problems"/> checks it whenever the count is known up front.
    /// </summary>
    public static void CheckTotalTrajectories(int queries, int trajectoriesPerQuery)
    {
        if (TotalTrajectoriesProblem(queries, trajectoriesPerQuery) is { } p) throw new ArgumentException(p.Message);
    }

    static RecipeProblem? TotalTrajectoriesProblem(int queries, int trajectoriesPerQuery) =>
        (long)queries * trajectoriesPerQuery > Limits.MaxTotalTrajectories
            ? new(nameof(TrajectoriesPerQuery), $"{queries} queries × {trajectoriesPerQuery} trajectories exceeds the limit of {Limits.MaxTotalTrajectories}")
            : null;

    /// <summary>The short names given as targets expanded: q → q_proj, … (so "q,k,v,o" works as on the command line).</summary>
    public static IReadOnlyList<string> ExpandTargets(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0)
            .Select(n => n is "q" or "k" or "v" or "o" or "gate" or "up" or "down" ? n + "_proj" : n).ToList();
}
