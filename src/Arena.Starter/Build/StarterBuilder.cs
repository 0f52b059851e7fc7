using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Generation;
using Arena.Engine.Modules;
using Arena.Engine.Tokenization;
using Arena.Starter.Training;
using Arena.Starter.Behaviors;
using Arena.Starter.Tokenizer;
using Arena.Starter.World;
using static TorchSharp.torch;

namespace Arena.Starter.Build;

/// <summary>
/// Builds the starter model end to end: generate the instruction world, train the byte-level BPE tokenizer, train a
/// small Llama from scratch on the CPU, evaluate adherence on held-out probes, and write a Hugging Face folder
/// (config.json, model.safetensors in bf16, tokenizer files, training-report.json).
/// </summary>
public sealed class StarterBuilder(StarterBuildOptions options)
{
    public Action<string>? Log { get; init; }
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>Builds into <paramref name="staging"/> (the caller moves it into place when this returns).</summary>
    public async Task<TrainingReport> Build(string staging, CancellationToken ct = default)
    {
        options.Validate();
        var o = options;
        var clock = Stopwatch.StartNew();
        manual_seed(o.Seed);

        Log?.Invoke($"generating {o.Conversations:N0} conversations (seed {o.Seed})");
        var conversations = InstructionWorld.Generate(o.Seed, o.Conversations, Split.Train);
        var texts = conversations.Select(c => ChatMlFormatter.Format(c).Text).ToList();

        Log?.Invoke($"training a {o.VocabSize}-token byte-level BPE on {texts.Sum(t => (long)t.Length) / 1e6:F1} M characters");
        var bpe = new BpeTrainer(new BpeTrainerOptions { VocabSize = o.VocabSize }).Train(texts);
        await TokenizerFiles.SaveAsync(bpe, staging, o.ContextLength, ct);
        var tokenizer = TokenizerLoader.Load(staging);
        int Id(string token) => tokenizer.TokenToId(token) ?? throw new InvalidOperationException($"tokenizer lacks {token}");

        var vocab = (tokenizer.VocabSize + 63) / 64 * 64;  // a multiple of 64 keeps the LM head's matmul aligned
        var configJson = StarterConfig.ConfigJson(o, vocab, Id(SpecialTokens.EndOfText), Id(SpecialTokens.ImEnd), Id(SpecialTokens.EndOfText));
        var config = StarterConfig.Parse(configJson);

        Log?.Invoke("tokenizing");
        var tokenize = new ConversationTokenizer(tokenizer);
        var guide = o.Guide() is { } g ? g with { SentenceEnds = SentenceEnds(tokenizer) } : null;
        var canonical = conversations.AsParallel().AsOrdered().Select(tokenize.Tokenize).ToList();
        var dropout = new SubwordDropout(bpe, o.SubwordDropout);
        var dropoutSalt = RandomExtensions.StableHash("subword-dropout");
        var examples = canonical.AsParallel().AsOrdered()
            .Select((e, i) => dropout.Apply(e, RandomExtensions.For(o.Seed, i, dropoutSalt)))
            .Where(e => e.Length <= o.ContextLength).ToList();
        var (unseenCanonical, unseen) = (dropout.UnseenMergedTokens(canonical), dropout.UnseenMergedTokens(examples));
        Log?.Invoke($"{unseenCanonical} of {bpe.Merges.Count} merged tokens never occur in the canonically tokenized data; {unseen} with subword dropout {o.SubwordDropout}");

        using var model = ModelFactory.Create(config, o.TrainingDType, CPU);
        WeightInit.Normal(model, 0.02, o.Seed);
        var parameters = model.parameters().Sum(p => p.NumberOfElements);
        Log?.Invoke($"training {parameters / 1e6:F2} M parameters in {DTypeName(o.TrainingDType)} for {(o.Steps is { } s ? $"{s} steps" : $"{o.Minutes:0.#} minutes")}");
        var losses = new List<double>();
        TrainingProgress? last = null;
        var trainClock = Stopwatch.StartNew();
        var (drillSteps, drillLoss) = (0, 0.0);
        if (o.CopyWarmupSteps > 0)
        {
            Log?.Invoke($"copy drills: {o.CopyWarmupSteps} steps");
            var drills = InstructionWorld.CopyDrills(o.Seed, Math.Min(o.CopyWarmupSteps * o.BatchSize, 40_000), o.CopyDrillWords).AsParallel().AsOrdered()
                .Select((c, i) => dropout.Apply(tokenize.Tokenize(c), RandomExtensions.For(o.Seed, i, dropoutSalt + 1))).Where(e => e.Length <= o.ContextLength).ToList();
            drillLoss = new LanguageModelTrainer(model, new TrainingOptions
            {
                LearningRate = o.LearningRate, MuonLearningRate = o.MuonLearningRate, MinLearningRateRatio = 1, BatchSize = o.BatchSize, SequenceLength = o.ContextLength,
                WarmupSteps = 50, MaxSteps = o.CopyWarmupSteps, TargetLoss = o.CopyTargetLoss, Seed = o.Seed,
                Guide = guide is null ? null : guide with { Steps = null },
            })
            {
                Progress = new Arena.Evaluation.Running.InlineProgress<TrainingProgress>(p => { drillSteps = p.Step; Progress?.Report(p); }),
            }.Train(drills, ct);
            Log?.Invoke($"copy drills: loss {drillLoss:F3} after {drillSteps} steps");
        }
        var trainer = new LanguageModelTrainer(model, new TrainingOptions
        {
            LearningRate = o.LearningRate,
            MuonLearningRate = o.MuonLearningRate,
            BatchSize = o.BatchSize,
            SequenceLength = o.ContextLength,
            WarmupSteps = 100,
            MaxSteps = o.Steps ?? 1_000_000,
            TimeBudget = o.Steps is null ? TimeSpan.FromMinutes(o.Minutes) - trainClock.Elapsed : null,
            Seed = o.Seed,
            Guide = guide,
            AverageFrom = o.AverageFrom,
        })
        {
            Progress = new Arena.Evaluation.Running.InlineProgress<TrainingProgress>(p =>
            {
                last = p;
                if (p.Step % 25 == 0) losses.Add(Math.Round(p.Loss, 4));
                Progress?.Report(p);
            }),
        };
        var finalLoss = trainer.Train(examples, ct);
        var trainingSeconds = trainClock.Elapsed.TotalSeconds;

        ModelSaver.Save(model, staging, configJson, ScalarType.BFloat16);
        await File.WriteAllTextAsync(Path.Combine(staging, "generation_config.json"), new JsonObject
        {
            ["bos_token_id"] = Id(SpecialTokens.EndOfText),
            ["eos_token_id"] = new JsonArray(Id(SpecialTokens.ImEnd), Id(SpecialTokens.EndOfText)),
            ["pad_token_id"] = Id(SpecialTokens.EndOfText),
            ["temperature"] = 0.7,
            ["do_sample"] = true,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);

        Log?.Invoke("evaluating on held-out probes");
        // Evaluate the model as shipped (bf16 weights), as every user of the checkpoint will see it.
        using var shipped = ModelLoader.Load(staging, ScalarType.Float32, CPU);
        var (greedy, sampled) = await Evaluate(shipped, tokenizer, o.Seed, o.ProbesPerBehavior, ct);
        Log?.Invoke(Environment.NewLine + greedy.ToTable());

        var report = new TrainingReport
        {
            Seed = o.Seed,
            Conversations = conversations.Count,
            TrainingCharacters = texts.Sum(t => (long)t.Length),
            TrainingTokens = examples.Sum(e => (long)e.Length),
            LossTokens = examples.Sum(e => (long)e.LossMask.Count(m => m)),
            VocabSize = vocab,
            Parameters = parameters,
            TrainingDType = DTypeName(o.TrainingDType),
            Architecture = $"Llama: {o.Layers} layers, hidden {o.HiddenSize}, {o.Heads} heads ({o.KvHeads} kv), MLP {o.IntermediateSize}, context {o.ContextLength}, tied embeddings",
            CopyDrillSteps = drillSteps,
            CopyDrillLoss = drillLoss,
            GuideWeight = o.GuideWeight,
            GuideHeads = o.GuideWeight > 0 ? o.GuideHeads : null,
            GuideCopyWeight = o.GuideWeight > 0 ? o.GuideCopyWeight : 0,
            GuideSteps = o.GuideSteps,
            SubwordDropout = o.SubwordDropout,
            UnseenTokens = unseenCanonical,
            UnseenTokensWithDropout = unseen,
            Optimizer = o.MuonLearningRate is { } muon ? $"Muon (lr {muon}) for hidden matrices, AdamW (lr {o.LearningRate}) for embeddings and norms" : $"AdamW (lr {o.LearningRate})",
            Steps = last?.Step ?? 0,
            AveragedSteps = trainer.AveragedSteps,
            TokensSeen = last?.TokensSeen ?? 0,
            FinalLoss = finalLoss,
            TrainingSeconds = trainingSeconds,
            TotalSeconds = clock.Elapsed.TotalSeconds,
            TokensPerSecond = last?.TokensPerSecond ?? 0,
            Adherence = greedy.Rows,
            Families = greedy.Rows.GroupBy(r => r.Family).Select(g => new FamilyAdherence(g.Key,
                g.Sum(r => r.Prompted * r.N) / g.Sum(r => r.N), g.Sum(r => r.Unprompted * r.N) / g.Sum(r => r.N), g.Sum(r => r.N))).ToList(),
            FactRecall = greedy.FactRecall,
            UnpromptedFactRecall = greedy.UnpromptedFactRecall,
            FactRecallByFactsStated = greedy.FactRecallByFactsStated,
            PromptedByTurn0 = greedy.PromptedByTurn.FirstOrDefault(),
            PromptedByTurn = greedy.PromptedByTurn,
            DegenerateRateAt07 = sampled.DegenerateRate,
            LossCurve = losses,
        };
        await File.WriteAllTextAsync(Path.Combine(staging, TrainingReport.FileName),
            JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }), ct);
        return report;
    }

    /// <summary>The training dtype as the report and the log name it.</summary>
    static string DTypeName(ScalarType dtype) => dtype == ScalarType.BFloat16 ? "bf16 (float32 master weights)" : "float32";

    /// <summary>Tokens that end a sentence for the guide's sentence heads: any holding ".", "?", "!", ":" or a newline, and the specials.</summary>
    static int[] SentenceEnds(TextTokenizer tokenizer) =>
        [.. Enumerable.Range(0, tokenizer.VocabSize).Where(id => tokenizer.IsSpecial(id) || tokenizer.Decode([id]).IndexOfAny(['.', '?', '!', ':', '\n']) >= 0)];

    /// <summary>The adherence suite on held-out probes (or training-split ones, a diagnostic): greedy replies for adherence, temperature 0.7 for fluency.</summary>
    public static async Task<(EvaluationReport Greedy, EvaluationReport Sampled)> Evaluate(CausalLM model, TextTokenizer tokenizer, int seed, int probesPerBehavior,
        CancellationToken ct = default, Split split = Split.HeldOut)
    {
        var generator = new TextGenerator(model, tokenizer);
        var suite = new EvaluationSuite(InstructionWorld.Probes(seed + 1000, probesPerBehavior, split));
        var greedy = await BatchedEvaluation.Run(suite, generator, tokenizer, SamplingOptions.GreedyDecoding(96), ct);
        var sampled = await BatchedEvaluation.Run(suite, generator, tokenizer, new SamplingOptions { MaxNewTokens = 96, Temperature = 0.7, Seed = seed }, ct);
        return (greedy, sampled);
    }
}
