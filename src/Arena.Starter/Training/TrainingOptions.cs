namespace Arena.Starter.Training;

/// <summary>Pre-training / fine-tuning recipe: AdamW (optionally Muon for hidden matrices) with linear warmup then cosine decay, and gradient clipping.</summary>
public sealed record TrainingOptions
{
    public double LearningRate { get; init; } = 3e-3;
    /// <summary>
    /// Peak learning rate of <see cref="Muon"/> for the hidden weight matrices (same warmup and cosine as
    /// <see cref="LearningRate"/>, which stays AdamW's for embeddings and norms); null trains everything with AdamW.
    /// </summary>
    public double? MuonLearningRate { get; init; }
    public double MinLearningRateRatio { get; init; } = 0.1;
    public double WeightDecay { get; init; } = 0.1;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.95;
    public double GradClip { get; init; } = 1.0;
    public int WarmupSteps { get; init; } = 50;
    public int BatchSize { get; init; } = 16;
    public int SequenceLength { get; init; } = 256;
    /// <summary>Stop after this many optimiser steps…</summary>
    public int MaxSteps { get; init; } = 1000;
    /// <summary>…or when this wall-clock budget is spent (the schedule is planned from a measured step time).</summary>
    public TimeSpan? TimeBudget { get; init; }
    /// <summary>…or once the mean loss of the last 20 steps is at most this (a warm-up phase that ends when learned).</summary>
    public double? TargetLoss { get; init; }
    public long Seed { get; init; } = 1;
    /// <summary>
    /// End on the mean of the weights of every step from this fraction of the run on (e.g. 0.75: the last quarter;
    /// see <see cref="WeightAverage"/>); null ends on the last step's weights.
    /// </summary>
    public double? AverageFrom { get; init; }
    /// <summary>Auxiliary supervision of chosen attention heads (Llama models only); null trains the plain loss.</summary>
    public AttentionGuide? Guide { get; init; }
}
