using System.Diagnostics;
using Arena.Engine;
using Arena.Engine.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>
/// Next-token training of a whole model (pre-training from scratch, full fine-tuning): masked cross-entropy,
/// AdamW (decay on matrices only; or Muon for the hidden matrices, see <see cref="TrainingOptions.MuonLearningRate"/>), warmup + cosine, global-norm clipping. Batches are length-bucketed and right-padded,
/// so plain causal attention suffices and padding costs little. Deterministic for a seed and a step count.
/// A model in bf16 trains in mixed precision: it computes in bf16 and the optimiser updates float32 masters.
/// </summary>
public sealed class LanguageModelTrainer(CausalLM model, TrainingOptions options)
{
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>How many steps' weights the model ended on the mean of (0: the last step's; see <see cref="TrainingOptions.AverageFrom"/>).</summary>
    public int AveragedSteps { get; private set; }

    /// <summary>Trains on <paramref name="examples"/> and returns the mean loss of the last 20 steps.</summary>
    public double Train(IReadOnlyList<TrainingExample> examples, CancellationToken ct = default)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples");
        var o = options;
        o.Guide?.Validate(model.Config);
        var parameters = model.named_parameters().ToList();
        foreach (var (_, p) in parameters) p.requires_grad_(true);
        using var masters = model.DType == ScalarType.Float32 ? null : new MasterWeights(parameters.Select(p => p.parameter));
        var trained = masters?.Masters ?? parameters.Select(p => p.parameter).ToList();
        // With Muon, the hidden matrices are its own; AdamW keeps the embeddings, the head and the norm gains.
        var onMuon = trained.Select((p, i) => o.MuonLearningRate is not null && p.dim() == 2 && !IsEmbedding(parameters[i].name)).ToArray();
        using var muon = o.MuonLearningRate is null ? null : new Muon(trained.Where((_, i) => onMuon[i]));
        var onAdam = trained.Where((_, i) => !onMuon[i]).ToList();
        var decay = new AdamW.ParamGroup(onAdam.Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = o.WeightDecay });
        var noDecay = new AdamW.ParamGroup(onAdam.Where(p => p.dim() < 2), new AdamW.Options { weight_decay = 0 });
        using var optimizer = optim.AdamW([decay, noDecay], o.LearningRate, o.Beta1, o.Beta2, 1e-8);
        var batches = new BatchSampler(examples, o.BatchSize, o.SequenceLength, o.Seed);
        model.train();
        var clock = Stopwatch.StartNew();
        var totalSteps = o.MaxSteps;
        long tokens = 0;
        var recent = new Queue<double>();
        WeightAverage? average = null;
        try
        {
            for (int step = 0; step < totalSteps; step++)
            {
                ct.ThrowIfCancellationRequested();
                var lr = LearningRateSchedule.At(step, totalSteps, o.LearningRate, o.WarmupSteps, o.MinLearningRateRatio);
                foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;
                var (loss, scored) = Step(optimizer, muon, lr / o.LearningRate, trained, masters, batches, o.Guide is { } guide && (guide.Steps is null || step < guide.Steps) ? guide : null);
                tokens += scored;
                recent.Enqueue(loss);
                if (recent.Count > 20) recent.Dequeue();
                if (!double.IsFinite(loss)) throw new InvalidOperationException($"training diverged at step {step}: loss {loss}");
                if (o.AverageFrom is { } from && step + 1 >= from * totalSteps)
                {
                    if (average is null) average = new WeightAverage(trained);
                    else average.Add();
                }
                // Fit the step count to the wall-clock budget (the cosine schedule follows) once a few steps have been
                // timed, and again every 250 steps until the last tenth: the first steps run slower (allocator and
                // thread-pool warm-up), so a fit from them alone left a fifth of the budget unused; and a fit frozen at
                // step 500 overran 17-minute budgets by 10–14% (later steps ran slower than the first 500).
                if (o.TimeBudget is { } budget && step < totalSteps - 1
                    && (step is 9 or 49 or 199 || (step + 1) % 250 == 0 && step < totalSteps * 0.9))
                    totalSteps = Math.Clamp((int)(budget.TotalSeconds / (clock.Elapsed.TotalSeconds / (step + 1))), step + 1, o.MaxSteps);
                var elapsed = clock.Elapsed;
                var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / (step + 1) * (totalSteps - step - 1));
                Progress?.Report(new TrainingProgress(step + 1, totalSteps, loss, lr, tokens / elapsed.TotalSeconds, tokens, elapsed, remaining));
                if (o.TargetLoss is { } target && recent.Count == 20 && recent.Average() <= target) break;
            }
            if (average is not null)
            {
                // The optimiser's state belongs to the last step's weights; nothing trains on from the mean.
                average.CopyToWeights();
                masters?.Publish();
                AveragedSteps = average.Count;
            }
        }
        finally
        {
            average?.Dispose();
        }
        model.eval();
        foreach (var (_, p) in parameters) p.requires_grad_(false);
        return recent.Average();
    }

    /// <summary>One optimiser step; returns the language-model loss (without the guide's share) and the tokens scored.</summary>
    (double Loss, long Tokens) Step(OptimizerHelper optimizer, Muon? muon, double schedule, IReadOnlyList<Parameter> trained, MasterWeights? masters,
        BatchSampler batches, AttentionGuide? guide)
    {
        TorchThreads.Apply();  // the caller may have continued on a thread-pool thread after an await
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        muon?.ZeroGrad();
        var (cpuIds, cpuMask) = batches.Next();
        var (ids, mask) = (cpuIds.to(model.Device), cpuMask.to(model.Device));
        var input = ids.narrow(1, 0, ids.shape[1] - 1);
        using var taps = guide is null ? null : new AttentionTaps(model, guide.Heads.Select(h => (h.Layer, h.Head)));
        var hidden = model.Hidden(input);                                                   // (B, T-1, H)
        var targets = ids.narrow(1, 1, ids.shape[1] - 1);
        var keep = mask.narrow(1, 1, ids.shape[1] - 1);
        var loss = HeadCrossEntropy(model, hidden, targets, keep);
        var total = loss;
        if (guide is not null)
        {
            // Batches are right-padded and every example ends on a scored token, so a position is real when a
            // scored one follows it (or is it).
            var real = keep.flip(1).cumsum(1).flip(1).gt(0);
            total = loss.add(guide.Loss(taps!, input, real, targets, model).mul(guide.Weight));
        }
        total.backward();
        masters?.GatherGradients();
        nn.utils.clip_grad_norm_(trained, options.GradClip);
        optimizer.step();
        muon?.Step(options.MuonLearningRate!.Value * schedule);
        masters?.Publish();
        return (loss.item<float>(), keep.sum().item<long>());
    }

    static bool IsEmbedding(string name) => name.Contains("embed") || name.Contains("lm_head") || name.EndsWith("wte.weight") || name.EndsWith("wpe.weight");

    /// <summary>
    /// <see cref="MaskedCrossEntropy"/> of <c>model.Logits(hidden)</c>, with the LM head and softmax run only at the kept
    /// positions: assistant tokens are ~40% of a chat batch, and the head is a quarter of a small model's FLOPs.
    /// hidden (B, T, H); targets, keep (B, T).
    /// </summary>
    public static Tensor HeadCrossEntropy(CausalLM model, Tensor hidden, Tensor targets, Tensor keep)
    {
        using var scope = NewDisposeScope();
        var rows = keep.reshape(-1).nonzero().squeeze(1);
        var logits = model.Logits(hidden.reshape(-1, hidden.shape[^1]).index_select(0, rows));
        var loss = nn.functional.cross_entropy(logits.to_type(ScalarType.Float32), targets.reshape(-1).index_select(0, rows));
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Mean cross-entropy over positions where <paramref name="keep"/> is true. logits (B, T, V); targets, keep (B, T).</summary>
    public static Tensor MaskedCrossEntropy(Tensor logits, Tensor targets, Tensor keep)
    {
        using var scope = NewDisposeScope();
        var v = logits.shape[^1];
        var masked = targets.masked_fill(keep.logical_not(), -100);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, v).to_type(ScalarType.Float32), masked.reshape(-1), ignore_index: -100);
        return loss.MoveToOuterDisposeScope();
    }
}
