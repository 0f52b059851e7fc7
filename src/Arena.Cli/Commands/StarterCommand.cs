using Arena.Engine;
using Arena.Starter.Build;

namespace Arena.Cli.Commands;

/// <summary>
/// arena starter build --out DIR [--minutes M] [--seed S] [--steps N] [--conversations N] [--dtype bf16|f32] [--force], plus the recipe's
/// knobs for experiments (--copy-steps, --guide, --guide-heads, --hidden, --layers, --average F|none, …; defaults in
/// <see cref="StarterBuildOptions"/>).
/// </summary>
public static class StarterCommand
{
    public static int Run(string sub, CliArgs a)
    {
        if (sub == "eval") return Eval(a);
        if (sub != "build") throw new UsageException($"unknown starter command '{sub}' (try: arena starter build --out DIR)");
        var d = new StarterBuildOptions { OutputDirectory = "" };  // the defaults live in one place
        var options = new StarterBuildOptions
        {
            OutputDirectory = a.Required("out"),
            Minutes = a.Double("minutes", d.Minutes, double.Epsilon, 24 * 60),
            Seed = a.Int("seed", d.Seed, 0, int.MaxValue),
            Steps = a.Get("steps") is null ? null : a.Int("steps", 0, 1, 10_000_000),
            Conversations = a.Int("conversations", d.Conversations, 100, 10_000_000),
            ProbesPerBehavior = a.Int("probes", d.ProbesPerBehavior, 1, 1000),
            CopyWarmupSteps = a.Int("copy-steps", d.CopyWarmupSteps, 0, 1_000_000),
            CopyDrillWords = a.Int("copy-words", d.CopyDrillWords, 3, 100),
            CopyTargetLoss = a.Double("copy-loss", d.CopyTargetLoss, 0, 20),
            HiddenSize = a.Int("hidden", d.HiddenSize, 16, 4096),
            Layers = a.Int("layers", d.Layers, 1, 64),
            Heads = a.Int("heads", d.Heads, 1, 64),
            KvHeads = a.Int("kv-heads", d.KvHeads, 1, 64),
            IntermediateSize = a.Int("mlp", d.IntermediateSize, 16, 16384),
            LearningRate = a.Double("lr", d.LearningRate, 1e-6, 1),
            BatchSize = a.Int("batch", d.BatchSize, 1, 1024),
            SubwordDropout = a.Double("subword-dropout", d.SubwordDropout, 0, 0.5),
            MuonLearningRate = a.Get("muon") is null ? d.MuonLearningRate : a.Double("muon", 0, 1e-6, 1),
            GuideWeight = a.Double("guide", d.GuideWeight, 0, 100),
            GuideHeads = a.Get("guide-heads") ?? d.GuideHeads,
            GuideCopyWeight = a.Double("guide-copy", d.GuideCopyWeight, 0, 100),
            GuideSteps = a.Get("guide-steps") is null ? d.GuideSteps : a.Int("guide-steps", 0, 1, 10_000_000),
            TrainingDType = a.Get("dtype") switch
            {
                null => d.TrainingDType,
                "bf16" => TorchSharp.torch.ScalarType.BFloat16,
                "f32" => TorchSharp.torch.ScalarType.Float32,
                var x => throw new UsageException($"--dtype must be bf16 or f32, got '{x}'"),
            },
            AverageFrom = a.Get("average") switch
            {
                null => d.AverageFrom,
                "none" => null,
                _ => a.Double("average", 0, 0, 0.999),
            },
            Force = a.Flag("force"),
        };
        a.RejectUnknown();
        using var output = OutputFolder.Open(options.OutputDirectory, options.Force);
        var bar = new ProgressBar();
        var builder = new StarterBuilder(options)
        {
            Log = m => { bar.Done(); Console.Error.WriteLine(m); },
            Progress = new Arena.Evaluation.Running.InlineProgress<Arena.Starter.Training.TrainingProgress>(p => bar.Update("training", (double)p.Step / p.TotalSteps,
                $"step {p.Step}/{p.TotalSteps} loss {p.Loss:F3} {p.TokensPerSecond:N0} tok/s", p.Remaining)),
        };
        var report = builder.Build(output.Staging).GetAwaiter().GetResult();
        bar.Done();
        output.Commit();
        Console.WriteLine($"starter model in {options.OutputDirectory}: {report.Parameters / 1e6:F2} M parameters, {report.Steps} steps, " +
                          $"loss {report.FinalLoss:F3}, fact recall {report.FactRecall:P0}, {report.TotalSeconds / 60:F1} min");
        return 0;
    }

    /// <summary>
    /// arena starter eval --model DIR [--adapter DIR[:s]]... [--probes N] [--seed S] [--split heldout|train]: the adherence
    /// suite on any model; --split train probes with training phrasings and names (a diagnostic, not the quality bar).
    /// </summary>
    static int Eval(CliArgs a)
    {
        var modelDir = a.Required("model");
        var adapters = AdapterOptions.ParseAll(a.All("adapter"));
        var probes = a.Int("probes", 20, 1, 1000);
        var seed = a.Int("seed", 1, 0, int.MaxValue);
        var split = a.Get("split") switch
        {
            null or "heldout" => Arena.Starter.World.Split.HeldOut,
            "train" => Arena.Starter.World.Split.Train,
            var x => throw new UsageException($"--split must be heldout or train, got '{x}'"),
        };
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        using var stack = ModelStack.Load(modelDir, modelDir, adapters, dev.DType, dev.Device);
        var (greedy, sampled) = StarterBuilder.Evaluate(stack.Language.Model, stack.Language.Tokenizer, seed, probes, split: split).GetAwaiter().GetResult();
        Console.WriteLine(greedy.ToTable());
        Console.WriteLine($"degenerate replies at temperature 0.7: {sampled.DegenerateRate:P1}");
        return 0;
    }
}
