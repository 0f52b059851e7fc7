using System.Text.Json;
using System.Text.Json.Serialization;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Lora;

namespace Arena.Cli.Commands;

/// <summary>
/// arena bake: bakes a prompt into a LoRA adapter on top of a model (base + adapters), writing the PEFT adapter,
/// early-stop checkpoints and bake-report.json into --out atomically.
/// </summary>
public static class BakeCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var adapters = AdapterSpec.ParseAll(a.All("adapter"));
        var prompt = a.Get("prompt");
        var promptFile = a.Get("prompt-file");
        if ((prompt is null) == (promptFile is null)) throw new UsageException("give exactly one of --prompt and --prompt-file");
        if (promptFile is not null) prompt = File.Exists(promptFile) ? File.ReadAllText(promptFile).Trim() : throw new UsageException($"{promptFile}: file not found");
        var queriesFile = a.Get("queries");
        var recipe = new BakeRecipe
        {
            Prompt = prompt!,
            Queries = queriesFile is null ? [] : ReadQueries(queriesFile),
            GenerateQueries = a.Int("generate-queries", 0, 0, BakeRecipe.Limits.MaxQueries),
            TrajectoriesPerQuery = a.Int("trajectories", 4, 1, BakeRecipe.Limits.MaxTrajectoriesPerQuery),
            MaxTokens = a.Int("max-tokens", 64, 1, BakeRecipe.Limits.MaxTokens),
            Temperature = a.Double("temperature", 1.0, 1e-6, 10),
            TopP = a.Double("top-p", 1.0, 1e-6, 1),
            Kl = Try(() => KlMode.Parse(a.Get("kl") ?? "full")),
            Rank = a.Int("rank", 32, 1, 1 << 16),
            Alpha = a.Double("alpha", 64, 1e-6, 1e6),
            Targets = BakeRecipe.ExpandTargets((a.Get("targets") ?? "q,k,v,o").Split(',')),
            LearningRate = a.Double("lr", 1e-4, double.Epsilon, 1),
            Epochs = a.Int("epochs", 3, 1, BakeRecipe.Limits.MaxEpochs),
            StudentRollouts = a.Double("student-rollouts", 0, 0, 1),
            BatchSize = a.Int("batch", 16, 1, BakeRecipe.Limits.MaxBatch),
            Seed = a.Long("seed") ?? 1,
            HeldOutFraction = a.Double("held-out", 0.2, 0, 0.9),
        };
        var outDir = a.Required("out");
        var force = a.Flag("force");
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        BakeRecipe.CheckTotalTrajectories(recipe.Queries.Count, recipe.TrajectoriesPerQuery);

        using var output = new OutputFolder(outDir, force);
        using var lm = LanguageModel.Load(modelDir, dev.DType, dev.Device);
        recipe.Validate(lm.Model.Config.HiddenSize);
        var parents = AdapterSpec.AttachAll(lm.Model, adapters, dev);
        var bar = new ProgressBar();
        try
        {
            var chain = new List<string> { Path.GetFullPath(modelDir) };
            chain.AddRange(adapters.Select(s => $"{Path.GetFullPath(s.Dir)}:{s.Strength}"));
            var baker = new Baker(lm.Model, lm.Tokenizer)
            {
                Progress = p => bar.Update(p.Phase.ToString().ToLowerInvariant(), p.Fraction,
                    (p.Kl is { } kl ? $"KL {kl:F4}  " : "") + (p.TokensPerSecond > 0 ? $"{p.TokensPerSecond:N0} tok/s" : p.Message ?? ""), p.Remaining, force: p.Phase == BakePhase.Done),
            };
            BakeResult result;
            try
            {
                result = baker.Bake(recipe, chain).GetAwaiter().GetResult();
            }
            catch (BakeException e) when (e.LastGood is not null)
            {
                bar.Done();
                using var good = e.LastGood;
                PeftFormat.Save(good, output.PathOf("last-good"));
                File.WriteAllText(output.PathOf("bake-failed.txt"), e.Message + Environment.NewLine);
                output.Commit();
                throw new UsageException($"bake stopped: {e.Message}; the last good adapter is in {Path.Combine(outDir, "last-good")}");
            }
            bar.Done();
            using (result)
            {
                PeftFormat.Save(result.Adapter, output.Staging);
                foreach (var (fraction, adapter) in result.Checkpoints)
                    PeftFormat.Save(adapter, output.PathOf(Path.Combine("checkpoints", $"{fraction:0.##}")));
                File.WriteAllText(output.PathOf("bake-report.json"), JsonSerializer.Serialize(result.Report, Json));
                output.Commit();
                var r = result.Report;
                Console.WriteLine($"baked into {outDir}: held-out KL(prompted‖parent) {r.KlPromptedVsParent:F4} → KL(prompted‖baked) {r.KlPromptedVsBaked:F4} " +
                                  $"({r.KlPromptedVsBaked / r.KlPromptedVsParent:P0}); sampling {r.SamplingTokensPerSecond:N0} tok/s, training {r.TrainingTokensPerSecond:N0} tok/s, {r.TotalSeconds:F0} s");
            }
        }
        finally
        {
            bar.Done();
            foreach (var p in parents) p.Dispose();
        }
        return 0;
    }

    static IReadOnlyList<string> ReadQueries(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) throw new UsageException($"{path}: no queries (one per line)");
        if (lines.Count > BakeRecipe.Limits.MaxQueries) throw new UsageException($"{path}: {lines.Count} queries; the limit is {BakeRecipe.Limits.MaxQueries}");
        return lines;
    }

    static T Try<T>(Func<T> f)
    {
        try { return f(); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
