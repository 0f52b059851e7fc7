using System.Text.Json;
using Arena.Contracts.Bakes;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Lora;

using Arena.Evaluation.ReportCards;
using Arena.Starter.Baking;

namespace Arena.Cli.Commands;

/// <summary>
/// arena bake: bakes a prompt into a LoRA adapter on top of a model (base + adapters), writing the PEFT adapter,
/// early-stop checkpoints and bake-report.json into --out atomically.
/// </summary>
public static class BakeCommand
{
    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        // The bake report names the parents by their full paths.
        var adapters = AdapterOptions.ParseAll(a.All("adapter")).Select(l => l with { Label = Path.GetFullPath(l.Dir) }).ToList();
        var prompt = a.Get("prompt");
        var promptFile = a.Get("prompt-file");
        if ((prompt is null) == (promptFile is null)) throw new UsageException("give exactly one of --prompt and --prompt-file");
        if (promptFile is not null) prompt = File.Exists(promptFile) ? File.ReadAllText(promptFile).Trim() : throw new UsageException($"{promptFile}: file not found");
        var queriesFile = a.Get("queries");
        var defaults = new BakeRecipe { Prompt = prompt! };
        var recipe = RecipeOptions.Read(a, defaults) with
        {
            Queries = queriesFile is null ? [] : ReadQueries(queriesFile),
            GenerateQueries = a.Int("generate-queries", defaults.GenerateQueries),
            HeldOutFraction = a.Double("held-out", defaults.HeldOutFraction),
        };
        var outDir = a.Required("out");
        var force = a.Flag("force");
        var reportCard = !a.Flag("no-report-card");
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        RecipeOptions.Check(recipe);

        using var output = OutputFolder.Open(outDir, force);
        using var stack = ModelStack.Load(modelDir, Path.GetFullPath(modelDir), adapters, dev.DType, dev.Device);
        var lm = stack.Language;
        recipe.Validate(lm.Model.Config.HiddenSize);
        var bar = new ProgressBar();
        try
        {
            var baker = new Baker(lm.Model, lm.Tokenizer)
            {
                Progress = p => bar.Update(p.Phase.ToString().ToLowerInvariant(), p.Fraction,
                    (p.Kl is { } kl ? $"KL {kl:F4}  " : "") + (p.TokensPerSecond > 0 ? $"{p.TokensPerSecond:N0} tok/s" : p.Message ?? ""), p.Remaining, force: p.Phase == BakePhase.Done),
            };
            BakeResult result;
            try
            {
                result = baker.Bake(recipe, stack.Chain).GetAwaiter().GetResult();
            }
            catch (BakeException e) when (e.LastGood is not null)
            {
                bar.Done();
                using var good = e.LastGood;
                BakeFolder.WriteFailure(output.Staging, e);
                output.Commit();
                throw new UsageException($"bake stopped: {e.Message}; the last good adapter is in {Path.Combine(outDir, BakeFolder.LastGoodFolder)}");
            }
            bar.Done();
            using (result)
            {
                BakeFolder.Write(output.Staging, result);
                if (reportCard) WriteReportCard(stack, result, recipe, output.Staging, bar);
                output.Commit();
                var r = result.Report;
                Console.WriteLine($"baked into {outDir}: held-out KL(prompted‖parent) {r.KlPromptedVsParent:F4} → KL(prompted‖baked) {r.KlPromptedVsBaked:F4} " +
                                  $"({r.KlPromptedVsBaked / r.KlPromptedVsParent:P0}); sampling {r.SamplingTokensPerSecond:N0} tok/s, training {r.TrainingTokensPerSecond:N0} tok/s, {r.TotalSeconds:F0} s");
            }
        }
        finally
        {
            bar.Done();
        }
        return 0;
    }

    /// <summary>
    /// The same report card the platform shows after a bake (<see cref="ReportCardRunner"/>), printed and saved as
    /// report-card.json beside the adapter. A card that cannot be made is a warning: the bake is kept.
    /// </summary>
    static void WriteReportCard(ModelStack stack, BakeResult result, BakeRecipe recipe, string folder, ProgressBar bar)
    {
        try
        {
            var card = ReportCardRunner.Run(stack, result.Adapter, recipe, new ReportCardBudget(),
                p => bar.Update("report card", p.Fraction, $"{p.Step}/{p.TotalSteps} replies", null), CancellationToken.None).GetAwaiter().GetResult();
            bar.Done();
            File.WriteAllText(Path.Combine(folder, ReportCardFile), JsonSerializer.Serialize(card, BakeFolder.Json));
            Console.WriteLine(ReportCardText.Of(card));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            bar.Done();
            Console.Error.WriteLine($"warning: no report card ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>The report card's file in a baked adapter's folder.</summary>
    public const string ReportCardFile = "report-card.json";

    static IReadOnlyList<string> ReadQueries(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) throw new UsageException($"{path}: no queries (one per line)");
        if (lines.Count > BakeRecipe.Limits.MaxQueries) throw new UsageException($"{path}: {lines.Count} queries; the limit is {BakeRecipe.Limits.MaxQueries}");
        return lines;
    }
}
