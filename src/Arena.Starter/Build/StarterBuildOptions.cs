namespace Arena.Starter.Build;

/// <summary>
/// How to build the starter model. Sizes are chosen so a full build (data, tokenizer, training, evaluation) fits in
/// about 20 minutes on a 2-core CPU; <see cref="Minutes"/> is the training budget within that.
/// </summary>
public sealed record StarterBuildOptions
{
    public required string OutputDirectory { get; init; }
    public double Minutes { get; init; } = 18;
    public int Seed { get; init; } = 1;
    public int Conversations { get; init; } = 120_000;
    public int VocabSize { get; init; } = 4096;
    public int HiddenSize { get; init; } = 256;
    public int Layers { get; init; } = 4;
    public int Heads { get; init; } = 4;
    public int KvHeads { get; init; } = 2;
    public int IntermediateSize { get; init; } = 688;
    public int ContextLength { get; init; } = 512;
    public int BatchSize { get; init; } = 16;
    /// <summary>
    /// At most this many steps on copy drills before the mixed data (see <see cref="World.InstructionWorld.CopyDrills"/>);
    /// 0 skips them. The drills end early once their loss is under <see cref="CopyTargetLoss"/>.
    /// </summary>
    public int CopyWarmupSteps { get; init; } = 1000;
    /// <summary>Drill loss (nats per reply token) that shows copying works: without it a drill costs ~4 nats a token.</summary>
    public double CopyTargetLoss { get; init; } = 1.0;
    /// <summary>Longest list in a copy drill (8 words up to this).</summary>
    public int CopyDrillWords { get; init; } = 10;
    public double LearningRate { get; init; } = 3e-3;
    /// <summary>
    /// The rate of <see cref="SubwordDropout"/> on the training data (0: canonical tokenization only): without it,
    /// tokens that are only steps towards longer merges never occur in training and the model cannot copy them.
    /// </summary>
    public double SubwordDropout { get; init; } = 0;
    /// <summary>Muon's peak learning rate for the hidden matrices (see <see cref="Training.Muon"/>); null: AdamW for all.</summary>
    public double? MuonLearningRate { get; init; }
    /// <summary>
    /// Weight of the induction-circuit attention guide (see <see cref="Training.AttentionGuide"/>); 0 trains
    /// without it.
    /// </summary>
    public double GuideWeight { get; init; } = 1;
    /// <summary>Which heads the guide supervises, as layer.head:pattern (see <see cref="Training.AttentionGuide.Parse"/>).</summary>
    public string GuideHeads { get; init; } = "0.0:prev,1.0:ind,2.0:ind2,3.0:next";
    /// <summary>Weight of the guide's copy loss on induction heads (0: attention patterns only).</summary>
    public double GuideCopyWeight { get; init; } = 1;
    /// <summary>Guide only the first this-many steps of the mixed training (null: all of it; drills are always guided).</summary>
    public int? GuideSteps { get; init; }
    /// <summary>
    /// The dtype the model computes in while training: bf16 (mixed precision, float32 master weights), the recipe of the
    /// shipped model, runs a step ~2× faster than float32 on a CPU with AVX-512 BF16, so the same minutes buy twice the
    /// steps; on a CPU without bf16 instructions it runs up to 13× slower, and float32 is the better choice there
    /// (<c>arena bench</c> says which this CPU computes faster). Always this value, never a measurement: one seed makes
    /// one model wherever it is built. The checkpoint is written in bf16 either way.
    /// </summary>
    public TorchSharp.torch.ScalarType TrainingDType { get; init; } = TorchSharp.torch.ScalarType.BFloat16;
    /// <summary>
    /// The model ends on the mean of its weights from this fraction of the mixed training on (see
    /// <see cref="Training.WeightAverage"/>); null: on the last step's weights. The last quarter: on the same
    /// run (h1, docs/starter-model.md) the mean lifted the weakest behaviors (lipogram 42 → 77%, sign-off 73 → 93%,
    /// Plonkan 71 → 86%) at a few points on the strongest.
    /// </summary>
    public double? AverageFrom { get; init; } = 0.75;
    /// <summary>Held-out probes per behavior in the adherence evaluation.</summary>
    public int ProbesPerBehavior { get; init; } = 20;
    /// <summary>Optimiser steps; when set, overrides the time budget, making the build reproducible bit for bit.</summary>
    public int? Steps { get; init; }
    public bool Force { get; init; }

    /// <summary>The attention guide these options ask for (null when <see cref="GuideWeight"/> is 0).</summary>
    public Training.AttentionGuide? Guide() => GuideWeight > 0
        ? Training.AttentionGuide.Parse(GuideHeads, GuideWeight, GuideSteps) with { CopyWeight = GuideCopyWeight }
        : null;

    public void Validate()
    {
        if (!(Minutes > 0) || Minutes > 24 * 60) throw new ArgumentException($"minutes must be in (0, 1440], got {Minutes}");
        if (Conversations < 100) throw new ArgumentException("at least 100 conversations are needed");
        if (VocabSize is < 300 or > 65536) throw new ArgumentException($"vocabulary size must be in 300..65536, got {VocabSize}");
        if (HiddenSize % Heads != 0 || Heads % KvHeads != 0) throw new ArgumentException("hidden size must divide by heads, heads by kv heads");
        if (TrainingDType is not (TorchSharp.torch.ScalarType.Float32 or TorchSharp.torch.ScalarType.BFloat16))
            throw new ArgumentException($"training dtype must be float32 or bfloat16, got {TrainingDType}");
        if (Steps is <= 0) throw new ArgumentException("steps must be positive");
        if (GuideWeight < 0 || !double.IsFinite(GuideWeight)) throw new ArgumentException("guide weight must be a non-negative number");
        // Checked here, before minutes of data generation, rather than when the trainer starts.
        Guide()?.Validate(Layers, Heads);
        if (AverageFrom is not null and not (>= 0 and < 1)) throw new ArgumentException($"average-from must be in [0, 1), got {AverageFrom}");
        if (MuonLearningRate is { } muon && !(muon > 0 && muon <= 1)) throw new ArgumentException($"Muon learning rate must be in (0, 1], got {muon}");
        if (SubwordDropout is < 0 or > 0.5 || double.IsNaN(SubwordDropout)) throw new ArgumentException($"subword dropout must be in [0, 0.5], got {SubwordDropout}");
        if (CopyWarmupSteps < 0) throw new ArgumentException("copy warm-up steps must not be negative");
    }
}
