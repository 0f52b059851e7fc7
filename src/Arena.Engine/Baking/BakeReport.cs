using Arena.Contracts.Bakes;

namespace Arena.Engine.Baking;

/// <summary>What a bake did and how well: written as bake-report.json beside the adapter.</summary>
public sealed record BakeReport
{
    public required BakeRecipe Recipe { get; init; }
    /// <summary>The model baked on: base folder, then adapters with strengths, in order.</summary>
    public required IReadOnlyList<string> ParentChain { get; init; }
    public int TrainQueries { get; init; }
    public int HeldOutQueries { get; init; }
    public int Trajectories { get; init; }
    /// <summary>Replies sampled from the student during training (on-policy batches), over all epochs.</summary>
    public int StudentRollouts { get; init; }
    public double StudentRolloutSeconds { get; init; }
    public double MeanReplyTokens { get; init; }
    public double StoppedFraction { get; init; }
    /// <summary>Held-out KL(prompted ‖ parent), i.e. before baking, per trained position.</summary>
    public double KlPromptedVsParent { get; init; }
    /// <summary>Held-out KL(prompted ‖ baked), for the adapter kept.</summary>
    public double KlPromptedVsBaked { get; init; }
    public IReadOnlyList<EpochStats> Epochs { get; init; } = [];
    public int BestEpoch { get; init; }
    public long TrainableParameters { get; init; }
    public double SamplingTokensPerSecond { get; init; }
    public double TrainingTokensPerSecond { get; init; }
    public double SamplingSeconds { get; init; }
    public double TrainingSeconds { get; init; }
    public double TotalSeconds { get; init; }
    public string Device { get; init; } = "";
    public IReadOnlyList<double> CheckpointFractions { get; init; } = [];
}

public sealed record EpochStats(int Epoch, double TrainKl, double? ValidationKl, double Seconds);
