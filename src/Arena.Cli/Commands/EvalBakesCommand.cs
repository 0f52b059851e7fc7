using Arena.Contracts.Bakes;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Lora;
using Arena.Starter.Baking;
using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Cli.Commands;

/// <summary>
/// arena eval-bakes: the baking acceptance experiment on the starter model. For each behavior, bake a held-out
/// system prompt and score the baked model unprompted; then re-baking (prompt pursuit) and a sequential bake of
/// two prompts. Prints markdown tables (the source of docs/baking.md) and writes JSON with --json.
/// </summary>
public static class EvalBakesCommand
{
    static readonly string[] DefaultBehaviors =
    [
        BehaviorCatalog.Pirate, BehaviorCatalog.Caps, BehaviorCatalog.Rhyme, BehaviorCatalog.SignOff, BehaviorCatalog.Formal,
        BehaviorCatalog.Cheerful, BehaviorCatalog.Sad, BehaviorCatalog.Zorbish, BehaviorCatalog.Plonkan, BehaviorCatalog.Lipogram,
        BehaviorCatalog.Mention, BehaviorCatalog.FactCapital, BehaviorCatalog.FactBirthplace, BehaviorCatalog.FactFounder,
        BehaviorCatalog.FactInvention, BehaviorCatalog.FactPet,
    ];

    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var behaviors = a.Get("behaviors")?.Split(',') ?? DefaultBehaviors;
        var json = a.Get("json");
        var recipe = RecipeOptions.Read(a, BakeEvaluation.Acceptance);
        RecipeOptions.Check(recipe);
        // The world's scenarios draw from an int seed.
        var seed = recipe.Seed <= int.MaxValue ? (int)recipe.Seed : throw new UsageException($"--seed must be in 0..{int.MaxValue}, got {recipe.Seed}");
        var trainQueries = a.Int("train-queries", 48, 4, 1000);
        // 72 held-out queries: at 24 a row's standard error was ±8 points, as large as the gaps the table is read for.
        // The first 24 are the same questions as with 24 (they are drawn first).
        var evalQueries = a.Int("eval-queries", 72, 4, 1000);
        var sequential = (a.Get("sequential") ?? $"{BehaviorCatalog.Pirate},{BehaviorCatalog.SignOff}").Split(',');
        var rowsOnly = a.Flag("rows-only");  // skip the re-bake and sequential tables (four more bakes)
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();

        using var lm = LanguageModel.Load(modelDir, dev.DType, dev.Device);
        var bar = new ProgressBar();
        var eval = new BakeEvaluation(lm) { Progress = p => bar.Update(p.Phase.ToString().ToLowerInvariant(), p.Fraction, p.Kl is { } kl ? $"KL {kl:F4}" : "", p.Remaining) };
        var results = new List<ScenarioResult>();
        var ci = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("| behavior | base prompted | base unprompted | baked (s=1) | half-baked (s=0.5) | amplified (s=1.5) | baked + prompted | KL(prompted‖base) | KL(prompted‖baked) | ratio | bake s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var behavior in behaviors)
        {
            var scenario = InstructionWorld.Scenario(seed, behavior, trainQueries, evalQueries);
            Console.Error.WriteLine($"{behavior}: \"{scenario.Prompt}\"");
            var (r, adapter) = eval.Run(scenario, recipe).GetAwaiter().GetResult();
            adapter.Dispose();
            bar.Done();
            results.Add(r);
            var row = string.Create(ci, $"| {r.Behavior} | {r.BasePrompted:P0} | {r.BaseUnprompted:P0} | {r.Baked:P0} | {r.HalfBaked:P0} | {r.Amplified:P0} | {r.BakedPrompted:P0} | {r.KlParent:F3} | {r.KlBaked:F3} | {r.KlRatio:P0} | {r.Seconds:F0} |");
            md.AppendLine(row);
            Console.Error.WriteLine(row);
            // Written after every row, so a long run that is stopped early still leaves its rows (and misses).
            if (json is not null) File.WriteAllText(json, JsonSerializer.Serialize(results, BakeFolder.Json));
        }
        md.AppendLine();
        if (!rowsOnly)
        {
            md.AppendLine(Rebake(eval, InstructionWorld.Scenario(seed, behaviors[0], trainQueries, evalQueries), recipe, bar));
            md.AppendLine(Sequential(eval, InstructionWorld.Scenario(seed, sequential[0], trainQueries, evalQueries),
                InstructionWorld.Scenario(seed + 1, sequential[1], trainQueries, evalQueries), recipe, bar));
        }
        Console.WriteLine(md.ToString());
        return 0;
    }

    /// <summary>Prompt pursuit: bake u, then bake u again on top of M+u (the teacher is M+u prompted with u).</summary>
    static string Rebake(BakeEvaluation eval, BakeScenario s, BakeRecipe recipe, ProgressBar bar)
    {
        var pass = BakeEvaluation.Follows(s);
        using var first = eval.Bake(s, recipe).GetAwaiter().GetResult();
        var model = eval.Model;
        model.Attach(first.Adapter);
        var once = eval.Adherence(null, s.EvalQueries, pass).GetAwaiter().GetResult();
        var oncePrompted = eval.Adherence(s.Prompt, s.EvalQueries, pass).GetAwaiter().GetResult();
        using var second = eval.Bake(s, recipe with { Seed = recipe.Seed + 1 }).GetAwaiter().GetResult();
        model.Attach(second.Adapter);
        var twice = eval.Adherence(null, s.EvalQueries, pass).GetAwaiter().GetResult();
        var twicePrompted = eval.Adherence(s.Prompt, s.EvalQueries, pass).GetAwaiter().GetResult();
        model.Detach(second.Adapter.Name);
        model.Detach(first.Adapter.Name);
        bar.Done();
        return string.Create(CultureInfo.InvariantCulture, $"""
            Re-baking ({s.Behavior}: "{s.Prompt}")

            | model | unprompted | prompted | held-out KL of the last bake (parent → baked) |
            |---|---:|---:|---|
            | M + u | {once:P0} | {oncePrompted:P0} | {first.Report.KlPromptedVsParent:F3} → {first.Report.KlPromptedVsBaked:F3} |
            | M + u + u (re-baked) | {twice:P0} | {twicePrompted:P0} | {second.Report.KlPromptedVsParent:F3} → {second.Report.KlPromptedVsBaked:F3} |

            """);
    }

    /// <summary>Sequential baking: u1, then u2 on top (u2's teacher includes u1's adapter); both behaviors should show.</summary>
    static string Sequential(BakeEvaluation eval, BakeScenario u1, BakeScenario u2, BakeRecipe recipe, ProgressBar bar)
    {
        var model = eval.Model;
        var p1 = BakeEvaluation.Follows(u1);
        var p2 = BakeEvaluation.Follows(u2);
        var queries = u1.EvalQueries;
        using var first = eval.Bake(u1, recipe).GetAwaiter().GetResult();
        model.Attach(first.Adapter);
        using var second = eval.Bake(u2 with { TrainQueries = u1.TrainQueries }, recipe).GetAwaiter().GetResult();
        model.Attach(second.Adapter);
        var replies = eval.Replies(null, queries).GetAwaiter().GetResult();
        model.Detach(second.Adapter.Name);
        var onlyFirst = eval.Replies(null, queries).GetAwaiter().GetResult();
        model.Detach(first.Adapter.Name);
        var bothPrompted = eval.Replies($"{u1.Prompt} {u2.Prompt}", queries).GetAwaiter().GetResult();
        bar.Done();
        string Row(string name, string[] r) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.Count(p1) / (double)r.Length:P0} | {r.Count(p2) / (double)r.Length:P0} | {r.Count(x => p1(x) && p2(x)) / (double)r.Length:P0} |");
        return $"""
            Sequential baking (u1 = {u1.Behavior}: "{u1.Prompt}"; u2 = {u2.Behavior}: "{u2.Prompt}")

            | model (unprompted unless noted) | u1 present | u2 present | both |
            |---|---:|---:|---:|
            {Row("M + u1", onlyFirst)}
            {Row("M + u1 + u2", replies)}
            {Row("M prompted with u1 and u2", bothPrompted)}

            Example reply of M + u1 + u2 to "{queries[0]}": {replies[0]}
            """;
    }
}
