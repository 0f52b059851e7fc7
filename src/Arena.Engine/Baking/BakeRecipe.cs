using Arena.Engine.Lora;

namespace Arena.Engine.Baking;

/// <summary>
/// Everything that defines a bake of prompt u into a model. Defaults follow the prompt-baking paper where it is
/// specific (KL on the teacher's full next-token distribution, LoRA r=32 on q,k,v,o, lr 1e-4) and the engine's
/// measurements elsewhere. <see cref="Validate"/> bounds every number a user can send.
/// </summary>
public sealed record BakeRecipe
{
    public required string Prompt { get; init; }
    /// <summary>User queries; empty uses the built-in set (or, with <see cref="GenerateQueries"/>, queries written by the model).</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];
    public int GenerateQueries { get; init; }
    /// <summary>Share of queries kept out of training for validation KL.</summary>
    public double HeldOutFraction { get; init; } = 0.2;
    public int TrajectoriesPerQuery { get; init; } = 4;
    public int MaxTokens { get; init; } = 64;
    public double Temperature { get; init; } = 1.0;
    public double TopP { get; init; } = 1.0;
    public KlMode Kl { get; init; } = KlMode.Full;
    public int Rank { get; init; } = 32;
    public double Alpha { get; init; } = 64;
    public IReadOnlyList<string> Targets { get; init; } = LoraConfig.DefaultTargets;
    public double LearningRate { get; init; } = 1e-4;
    public double WeightDecay { get; init; }
    public int Epochs { get; init; } = 3;
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

    public static class Limits
    {
        public const int MaxPromptChars = 8000;
        public const int MaxQueries = 4096;
        public const int MaxTrajectoriesPerQuery = 64;
        public const int MaxTotalTrajectories = 20000;
        public const int MaxTokens = 2048;
        public const int MaxEpochs = 100;
        public const int MaxBatch = 512;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of bounds.</summary>
    public void Validate(int hiddenSize)
    {
        static void Check(bool ok, string message) { if (!ok) throw new ArgumentException(message); }
        Check(!string.IsNullOrWhiteSpace(Prompt), "the prompt to bake is empty");
        Check(Prompt.Length <= Limits.MaxPromptChars, $"the prompt is {Prompt.Length} characters; the limit is {Limits.MaxPromptChars}");
        Check(Queries.Count <= Limits.MaxQueries, $"{Queries.Count} queries; the limit is {Limits.MaxQueries}");
        Check(GenerateQueries is >= 0 and <= Limits.MaxQueries, $"generated queries must be in 0..{Limits.MaxQueries}");
        Check(HeldOutFraction is >= 0 and < 1, "held-out fraction must be in [0, 1)");
        Check(TrajectoriesPerQuery is >= 1 and <= Limits.MaxTrajectoriesPerQuery, $"trajectories per query must be in 1..{Limits.MaxTrajectoriesPerQuery}, got {TrajectoriesPerQuery}");
        Check(MaxTokens is >= 1 and <= Limits.MaxTokens, $"max tokens must be in 1..{Limits.MaxTokens}, got {MaxTokens}");
        Check(Temperature is > 0 and <= 10, $"temperature must be in (0, 10], got {Temperature}");
        Check(TopP is > 0 and <= 1, $"top-p must be in (0, 1], got {TopP}");
        Check(Rank >= 1 && Rank <= hiddenSize, $"rank must be in 1..{hiddenSize} (the hidden size), got {Rank}");
        Check(Alpha > 0 && double.IsFinite(Alpha), $"alpha must be positive, got {Alpha}");
        Check(Targets.Count > 0, "at least one LoRA target module is needed");
        Check(LearningRate > 0 && LearningRate <= 1, $"learning rate must be in (0, 1], got {LearningRate}");
        Check(WeightDecay is >= 0 and <= 1, $"weight decay must be in [0, 1], got {WeightDecay}");
        Check(StudentRollouts is >= 0 and <= 1, $"the student-rollout share must be in [0, 1], got {StudentRollouts}");
        Check(Epochs is >= 1 and <= Limits.MaxEpochs, $"epochs must be in 1..{Limits.MaxEpochs}, got {Epochs}");
        Check(BatchSize is >= 1 and <= Limits.MaxBatch, $"batch size must be in 1..{Limits.MaxBatch}, got {BatchSize}");
        Check(GradClip > 0, $"gradient clipping must be positive, got {GradClip}");
        Check(CheckpointFractions.All(f => f is > 0 and < 1), "checkpoint fractions must be in (0, 1)");
        if (Kl.TopK is { } k) Check(k >= 1, "top-k must be positive");
    }

    /// <summary>
    /// The bound on queries × trajectories that <see cref="Validate"/> cannot check, since the query count may only be
    /// known later (generated or built-in queries). Callers that know it early (CLI, worker) refuse before any work.
    /// </summary>
    public static void CheckTotalTrajectories(int queries, int trajectoriesPerQuery)
    {
        if ((long)queries * trajectoriesPerQuery > Limits.MaxTotalTrajectories)
            throw new ArgumentException($"{queries} queries × {trajectoriesPerQuery} trajectories exceeds the limit of {Limits.MaxTotalTrajectories}");
    }

    /// <summary>The short names given as targets expanded: q → q_proj, … (so "q,k,v,o" works as on the command line).</summary>
    public static IReadOnlyList<string> ExpandTargets(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0)
            .Select(n => n is "q" or "k" or "v" or "o" ? n + "_proj" : n is "gate" or "up" or "down" ? n + "_proj" : n).ToList();
}
