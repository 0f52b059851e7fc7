using Arena.Contracts.Bakes;
using System.Diagnostics;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using Arena.Engine.Modules;
using Arena.Engine.Tokenization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Baking;

/// <summary>
/// Prompt baking: θᵤ = argmin KL(P_θ(·|u) ‖ P_θᵤ(·)). Replies are sampled from the model prompted with u; a new LoRA
/// adapter is trained so the model without u matches the prompted model's next-token distributions on them.
/// The model may already carry adapters (a fork): they stay frozen and shape both teacher and student, which is
/// what makes re-baking and sequential baking work.
/// </summary>
public sealed class Baker(CausalLM model, TextTokenizer tokenizer)
{
    const long TeacherCacheBudgetBytes = 2L << 30;

    public Action<BakeProgress>? Progress { get; init; }

    public async Task<BakeResult> Bake(BakeRecipe r, IReadOnlyList<string> parentChain, CancellationToken ct = default)
    {
        r.Validate(model.Config.HiddenSize);
        var total = Stopwatch.StartNew();
        var sampler = new TrajectorySampler(model, tokenizer);

        var queries = QuerySet.Deduplicate(r.Queries.Count > 0 ? r.Queries
            : r.GenerateQueries > 0 ? await sampler.WriteQueries(r.GenerateQueries, r.Seed, ct) : QuerySet.BuiltIn);
        if (queries.Count == 0) throw new ArgumentException("no usable queries");
        BakeRecipe.CheckTotalTrajectories(queries.Count, r.TrajectoriesPerQuery);
        var (train, heldOut) = QuerySet.Split(queries, r.HeldOutFraction, r.Seed);
        Report(BakePhase.Queries, 1, 1, null, 0, total.Elapsed, null, $"{train.Count} training and {heldOut.Count} held-out queries");

        var (trajectories, samplingRate) = await sampler.Sample(r.Prompt,
            [.. train.Select(q => (q, false)), .. heldOut.Select(q => (q, true))], r, Progress, ct);
        var samplingSeconds = total.Elapsed.TotalSeconds;
        var trainSet = trajectories.Where(t => !t.HeldOut).ToList();
        var valSet = trajectories.Where(t => t.HeldOut).ToList();
        if (trainSet.Count == 0) throw new BakeException("sampling produced no non-empty replies to train on");

        // The exported adapter names its base (PEFT's base_model_name_or_path): the chain's first entry is the base.
        var config = new LoraConfig(r.Rank, r.Alpha, BakeRecipe.ExpandTargets(r.Targets),
            BaseModel: parentChain.Count > 0 ? CheckpointName.Of(parentChain[0]) : model.Config.ModelType);
        var name = "bake-" + Guid.NewGuid().ToString("N")[..8];
        using var adapter = model.CreateAdapter(name, config, r.Seed);
        model.Attach(adapter);
        try
        {
            var trainBatches = Batches(trainSet, r.BatchSize, r.Seed);
            var valBatches = Batches(valSet, r.BatchSize, r.Seed);
            using var teacher = new TeacherCache(model, r.Kl, TeacherCacheBudgetBytes, adapter.Name);
            var klParent = Validate(valBatches, teacher, "val", adapterEnabled: false);
            var rollouts = new StudentRollouts(sampler, r, train, trainBatches.Count);
            var run = await Train(r, adapter, trainBatches, valBatches, teacher, rollouts, ct);
            var kept = run.Best;
            var report = new BakeReport
            {
                Recipe = r,
                ParentChain = parentChain,
                TrainQueries = train.Count,
                HeldOutQueries = heldOut.Count,
                Trajectories = trajectories.Count,
                StudentRollouts = rollouts.Count,
                StudentRolloutSeconds = rollouts.Seconds,
                MeanReplyTokens = trajectories.Average(t => t.Reply.Length),
                StoppedFraction = trajectories.Count(t => t.EndedWithStop) / (double)trajectories.Count,
                KlPromptedVsParent = klParent ?? double.NaN,
                KlPromptedVsBaked = run.BestKl,
                Epochs = run.Epochs,
                BestEpoch = run.BestEpoch,
                TrainableParameters = adapter.ParameterCount,
                SamplingTokensPerSecond = samplingRate,
                TrainingTokensPerSecond = run.TokensPerSecond,
                SamplingSeconds = samplingSeconds,
                TrainingSeconds = run.Seconds,
                TotalSeconds = total.Elapsed.TotalSeconds,
                Device = model.Device.type.ToString().ToLowerInvariant(),
                CheckpointFractions = run.Checkpoints.Select(c => c.Fraction).ToList(),
            };
            Report(BakePhase.Done, 1, 1, run.BestKl, run.TokensPerSecond, total.Elapsed, null, "done");
            return new BakeResult(kept, run.Checkpoints, report);
        }
        finally
        {
            model.Detach(adapter.Name);
        }
    }

    sealed record TrainRun(LoraAdapter Best, double BestKl, int BestEpoch, List<EpochStats> Epochs, List<(double Fraction, LoraAdapter Adapter)> Checkpoints, double TokensPerSecond, double Seconds);

    async Task<TrainRun> Train(BakeRecipe r, LoraAdapter adapter, List<List<Trajectory>> batches, List<List<Trajectory>> valBatches, TeacherCache teacher, StudentRollouts rollouts, CancellationToken ct)
    {
        using var optimizer = optim.AdamW(adapter.Parameters().Cast<Parameter>(), r.LearningRate, 0.9, 0.999, 1e-8, r.WeightDecay);
        var totalSteps = r.Epochs * batches.Count;
        var warmupSteps = Math.Max(1, Math.Min(10, totalSteps / 10));
        var checkpointSteps = r.CheckpointFractions.Select(f => (Fraction: f, Step: Math.Max(1, (int)Math.Round(f * totalSteps)))).ToList();
        var checkpoints = new List<(double, LoraAdapter)>();
        var epochs = new List<EpochStats>();
        var random = new Random((int)(r.Seed & 0x7fffffff));
        var clock = Stopwatch.StartNew();
        LoraAdapter? best = null;
        double bestKl = double.PositiveInfinity;
        int bestEpoch = 0, step = 0;
        long positions = 0;
        try
        {
            for (int epoch = 1; epoch <= r.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var order = Enumerable.Range(0, batches.Count).ToArray();
                random.Shuffle(order);
                // On-policy share: the first batches of this epoch's order are replaced by the student's own replies.
                var own = await rollouts.ForEpoch(epoch, ct);
                double klSum = 0;
                for (int i = 0; i < order.Length; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    var b = order[i];
                    var lr = LearningRateSchedule.At(step, totalSteps, r.LearningRate, warmupSteps, minRatio: 0.1);
                    foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;
                    var (kl, n) = i < own.Count
                        ? TrainStep(optimizer, adapter, own[i], teacher, null, r.GradClip)
                        : TrainStep(optimizer, adapter, batches[b], teacher, $"train{b}", r.GradClip);
                    if (!double.IsFinite(kl))
                        throw new BakeException($"non-finite KL at step {step + 1} (epoch {epoch}); the last good adapter was kept", best?.Clone(adapter.Name) ?? checkpoints.LastOrDefault().Item2?.Clone(adapter.Name));
                    klSum += kl;
                    positions += n;
                    step++;
                    foreach (var c in checkpointSteps.Where(c => c.Step == step)) checkpoints.Add((c.Fraction, adapter.Clone($"{adapter.Name}-at-{c.Fraction:0.##}")));
                    var rate = positions / (clock.Elapsed.TotalSeconds - rollouts.Seconds);
                    Report(BakePhase.Training, step, totalSteps, kl, rate, clock.Elapsed, TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / step * (totalSteps - step)));
                }
                var trainKl = klSum / batches.Count;
                var valKl = Validate(valBatches, teacher, "val", adapterEnabled: true);
                epochs.Add(new EpochStats(epoch, trainKl, valKl, epochClock.Elapsed.TotalSeconds));
                var score = valKl ?? trainKl;
                if (score < bestKl)
                {
                    best?.Dispose();
                    best = adapter.Clone(adapter.Name);
                    (bestKl, bestEpoch) = (score, epoch);
                }
            }
        }
        catch
        {
            best?.Dispose();
            foreach (var (_, c) in checkpoints) c.Dispose();
            throw;
        }
        return new TrainRun(best!, bestKl, bestEpoch, epochs, checkpoints, positions / (clock.Elapsed.TotalSeconds - rollouts.Seconds), clock.Elapsed.TotalSeconds);
    }

    (double Kl, long Positions) TrainStep(OptimizerHelper optimizer, LoraAdapter adapter, List<Trajectory> batch, TeacherCache teacher, string? key, double clip)
    {
        TorchThreads.Apply();
        using var scope = NewDisposeScope();
        var targets = teacher.Get(key, batch);
        optimizer.zero_grad();
        using var students = new SequenceBatch(batch.Select(t => (t.StudentPrompt, t.Reply)).ToList(), model.Device);
        var studentLogp = TeacherTargets.GatherLogits(model, students).to_type(ScalarType.Float32).log_softmax(-1);
        var loss = targets.Kl(studentLogp).mean();
        loss.backward();
        nn.utils.clip_grad_norm_(adapter.Parameters().Cast<Parameter>(), clip);
        optimizer.step();
        return (loss.item<float>(), students.Count);
    }

    /// <summary>Mean held-out KL(prompted ‖ model) per position; null when nothing is held out.</summary>
    double? Validate(List<List<Trajectory>> batches, TeacherCache teacher, string prefix, bool adapterEnabled)
    {
        if (batches.Count == 0) return null;
        TorchThreads.Apply();
        Report(BakePhase.Validating, 0, batches.Count, null, 0, TimeSpan.Zero, null);
        teacher.SetStudentAdapter(adapterEnabled);
        try
        {
            using var noGrad = no_grad();
            double sum = 0;
            long n = 0;
            for (int b = 0; b < batches.Count; b++)
            {
                using var scope = NewDisposeScope();
                var targets = teacher.Get($"{prefix}{b}", batches[b]);
                using var students = new SequenceBatch(batches[b].Select(t => (t.StudentPrompt, t.Reply)).ToList(), model.Device);
                var logp = TeacherTargets.GatherLogits(model, students).to_type(ScalarType.Float32).log_softmax(-1);
                sum += targets.Kl(logp).sum().item<float>();
                n += students.Count;
            }
            return sum / n;
        }
        finally
        {
            teacher.SetStudentAdapter(true);
        }
    }

    static List<List<Trajectory>> Batches(List<Trajectory> set, int size, long seed)
    {
        var shuffled = set.ToArray();
        new Random((int)(seed & 0x7fffffff) ^ 0x5eed).Shuffle(shuffled);
        return shuffled.Chunk(size).Select(c => c.ToList()).ToList();
    }

    void Report(BakePhase phase, int step, int totalSteps, double? kl, double rate, TimeSpan elapsed, TimeSpan? remaining, string? message = null) =>
        Progress?.Invoke(new BakeProgress(phase, step, totalSteps, kl, rate, elapsed, remaining, message));
}
