using System.Diagnostics;
using System.Globalization;
using Arena.Cli.House;
using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using Arena.Starter.Baking;

namespace Arena.Cli.Commands;

/// <summary>
/// arena house: bakes the house models a fresh install is seeded with — each style preset of the starter's repertoire,
/// baked into the starter with the product's recipe on questions from the starter's world — scores each on held-out
/// questions, and writes the adapters and house.json into the model's house folder, whole or not at all.
/// </summary>
public static class HouseCommand
{
    /// <summary>What a checked-in house adapter may weigh.</summary>
    public const long MaxAdapterBytes = 1 << 20;

    /// <summary>A baked model that follows its style less often than this is reported: a starter change broke it.</summary>
    public const double MinAdherence = 0.6;

    /// <summary>
    /// The product's default recipe, without early-stop snapshots: a house folder holds the adapter alone (r=32 on
    /// q,k,v,o is ~0.9 MB on the starter; two snapshots would triple it), and strength does what a snapshot would.
    /// </summary>
    public static readonly BakeRecipe DefaultRecipe = new() { Prompt = "-", CheckpointFractions = [] };

    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var presets = Select(a.Get("only"));
        // 48 training questions at the default recipe: about a minute a bake on a 2-core CPU (docs/house-models.md).
        var trainQueries = a.Int("train-queries", 48, 4, 1000);
        var evalQueries = a.Int("eval-queries", 48, 4, 1000);
        var recipe = RecipeOptions.Read(a, DefaultRecipe);
        RecipeOptions.Check(recipe);
        // The world's scenarios draw from an int seed; the recipe's seed fixes both, so a rerun bakes the same questions.
        var seed = recipe.Seed <= int.MaxValue ? (int)recipe.Seed : throw new UsageException($"--seed must be in 0..{int.MaxValue}, got {recipe.Seed}");
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        if (!Directory.Exists(modelDir)) throw new UsageException($"{modelDir}: no such model folder");

        var houseDir = HouseManifest.FolderOf(modelDir);
        var previous = HouseManifest.ReadFrom(houseDir);
        // The whole house folder is staged and replaces the old one only once every bake is done.
        using var output = new StagedFolder(houseDir, $"{Environment.ProcessId}", replace: true);
        using var lm = LanguageModel.Load(modelDir, dev.DType, dev.Device);
        recipe.Validate(lm.Model.Config.HiddenSize);
        var bar = new ProgressBar();
        var eval = new BakeEvaluation(lm)
        {
            Progress = p => bar.Update(p.Phase.ToString().ToLowerInvariant(), p.Fraction, p.Kl is { } kl ? $"KL {kl:F4}" : "", p.Remaining),
        };
        var clock = Stopwatch.StartNew();
        var baked = new Dictionary<string, HouseModel>();
        Console.WriteLine("| house model | preset | bake s | KL before → after | adherence baked (unprompted) | prompted base | adapter KB |");
        Console.WriteLine("|---|---|---:|---|---:|---:|---:|");
        foreach (var preset in presets)
        {
            var model = Bake(eval, preset, recipe with { Prompt = preset.Prompt }, seed, trainQueries, evalQueries, output.PathOf(preset.Key), bar);
            baked[preset.Key] = model;
            var kb = FolderBytes(output.PathOf(preset.Key)) / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {model.Name} | {model.Key} | {model.Seconds:F0} | {model.KlBefore:F3} → {model.KlAfter:F3} | {model.AdherenceBaked:P0} | {model.AdherencePrompted:P0} | {kb:F0} |"));
            if (model.AdherenceBaked < MinAdherence)
                Console.Error.WriteLine($"warning: {preset.Key} follows its style in only {model.AdherenceBaked:P0} of held-out replies unprompted (under {MinAdherence:P0}; prompted base {model.AdherencePrompted:P0})");
        }
        var models = Keep(previous, baked, houseDir, output);
        new HouseManifest(Path.GetFileName(Path.GetFullPath(modelDir).TrimEnd(Path.DirectorySeparatorChar)), models).WriteTo(output.Staging);
        output.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{baked.Count} house models baked into {houseDir} in {clock.Elapsed.TotalMinutes:F1} min ({models.Count} in house.json)"));
        return 0;
    }

    static IReadOnlyList<BakePreset> Select(string? only)
    {
        var all = HouseNames.Presets;
        if (only is null) return all;
        var keys = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0) throw new UsageException("--only needs at least one house model key");
        foreach (var k in keys)
            if (all.All(p => p.Key != k))
                throw new UsageException($"--only: no house model '{k}' (one of {string.Join(", ", all.Select(p => p.Key))})");
        return [.. all.Where(p => keys.Contains(p.Key))];
    }

    static HouseModel Bake(BakeEvaluation eval, BakePreset p, BakeRecipe recipe, int seed, int trainQueries, int evalQueries, string dir, ProgressBar bar)
    {
        var scenario = HouseScenario.For(p, seed, trainQueries, evalQueries);
        var pass = BakeEvaluation.Follows(scenario);
        Console.Error.WriteLine($"{p.Key}: baking \"{p.Prompt}\" on {scenario.TrainQueries.Count} questions");
        var prompted = eval.Adherence(p.Prompt, scenario.EvalQueries, pass).GetAwaiter().GetResult();
        // The same engine path as arena bake (Baker through BakeEvaluation), and the same folder writer.
        using var result = eval.Bake(scenario, recipe).GetAwaiter().GetResult();
        bar.Done();
        BakeFolder.Write(dir, result);
        var bytes = FolderBytes(dir);
        if (bytes > MaxAdapterBytes)
            throw new InvalidOperationException($"{p.Key}: the adapter folder is {bytes / 1024} KB, over the {MaxAdapterBytes / 1024} KB a house model may weigh (lower --rank)");
        var model = eval.Model;
        model.Attach(result.Adapter, 1.0);
        double unprompted;
        try { unprompted = eval.Adherence(null, scenario.EvalQueries, pass).GetAwaiter().GetResult(); }
        finally { model.Detach(result.Adapter.Name); }
        var r = result.Report;
        return new HouseModel(p.Key, HouseNames.Name(p), HouseNames.Description(p), p.Prompt,
            recipe with { Queries = scenario.TrainQueries }, r.KlPromptedVsParent, r.KlPromptedVsBaked, r.TotalSeconds, unprompted, prompted);
    }

    /// <summary>The new bakes, and with --only the earlier house models that were not rebaked (their folders copied
    /// into the staging folder), in the repertoire's order.</summary>
    static List<HouseModel> Keep(HouseManifest? previous, Dictionary<string, HouseModel> baked, string houseDir, StagedFolder output)
    {
        var kept = new Dictionary<string, HouseModel>(baked);
        foreach (var old in previous?.Models ?? [])
        {
            var from = Path.Combine(houseDir, old.Key);
            if (kept.ContainsKey(old.Key) || !BakeFolder.IsComplete(from)) continue;
            CopyFolder(from, output.PathOf(old.Key));
            kept[old.Key] = old;
        }
        return [.. HouseNames.Presets.Where(p => kept.ContainsKey(p.Key)).Select(p => kept[p.Key])];
    }

    static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    static long FolderBytes(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
