using System.Globalization;
using System.Text;
using Arena.Core.Models;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Evaluation;
using Arena.Engine.Generation;
using Arena.Engine.Lora;
using Arena.Evaluation.Checks;
using Arena.Evaluation.Decay;
using Arena.Evaluation.Kl;
using Arena.Evaluation.ReportCards;
using Arena.Evaluation.Running;
using Arena.Evaluation.Statistics;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Cli.Commands;

/// <summary>
/// arena bake-quality --model DIR [--only k,k] [--questions N] [--no-rebake] [--out FILE]: how well each house bake
/// worked, measured by the one evaluator — per behavior, the share of held-out replies that follow the prompt for the
/// base, the prompted base, the bake, the bake at half strength, a re-bake (the prompt baked again on top, prompt
/// pursuit) and the bake prompted again; fidelity, the KL ratio, retention and prompt decay. Writes the markdown of
/// docs/bake-quality.md.
/// </summary>
public static class BakeQualityCommand
{
    static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var only = a.Get("only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var questions = a.Int("questions", 24, 4, 200);
        var rebake = !a.Flag("no-rebake");
        var output = a.Get("out");
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        var house = HouseManifest.Read(modelDir) ?? throw new UsageException($"{modelDir}: no house models (run arena house first)");
        var models = house.Models.Where(m => only is null || only.Contains(m.Key)).ToList();
        if (models.Count == 0) throw new UsageException($"--only matches no house model (have: {string.Join(", ", house.Models.Select(m => m.Key))})");

        var retention = BuiltInSuites.Read(BuiltInSuites.Find("retention")!, NoRules.Instance);
        var fitQuestions = retention.Items.Take(questions).Select(i => i.Prompt).ToList();
        var rows = new List<string>();
        var started = DateTime.UtcNow;
        foreach (var m in models)
        {
            var rule = PromptRules.Infer(m.Prompt) ?? throw new UsageException($"house model '{m.Key}': no rule recognises its prompt");
            Console.Error.WriteLine($"{m.Key}: \"{m.Prompt}\" judged by {rule.Rule}");
            var adapterDir = Path.Combine(HouseManifest.FolderOf(modelDir), m.Key);
            using var stack = ModelStack.Load(modelDir, modelDir, [new StackLayer(adapterDir, 1.0, m.Key)], dev.DType, dev.Device);
            rows.Add(Row(m, rule, stack, fitQuestions, retention, rebake).GetAwaiter().GetResult());
        }

        var md = new StringBuilder(Header).AppendLine();
        md.AppendLine("| behavior | base | prompted | baked | half-baked (0.5) | re-baked | baked + prompted | fidelity | KL ratio | retention (base → baked) | decay, last turn all reached (prompted → baked) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows) md.AppendLine(row);
        md.AppendLine();
        md.AppendLine($"{fitQuestions.Count} held-out everyday questions per condition, greedy replies of up to 64 tokens, judged by each prompt's rule; rates with 95% Wilson intervals in the JSON of `arena eval`. Made in {(DateTime.UtcNow - started).TotalMinutes:0} min with `arena bake-quality --model {modelDir}{(rebake ? "" : " --no-rebake")}`, engine {EngineVersion.Current}.");
        Console.WriteLine(md.ToString());
        if (output is not null) File.WriteAllText(output, md.ToString());
        return 0;
    }

    /// <summary>What the columns mean: the document's text above the table, so the whole file is this command's output.</summary>
    const string Header = """
        # Bake quality

        How well each house bake worked, measured by the one evaluator (docs/evaluation.md). This file is the output of
        `./infra/run.sh cli bake-quality --model models/starter --out docs/bake-quality.md` (`--only pirate,caps` limits
        the behaviors; `--no-rebake` skips the re-bakes, which are most of its time). How to read it: docs/baking.md,
        "Bake quality, read".

        For each house model (docs/house-models.md) the model is asked held-out everyday questions (the `retention`
        suite's, never in a bake's queries), greedy replies of up to 64 tokens, each reply judged by the rule
        `PromptRules` reads from the house prompt:

        - **base**: the base model, no prompt (the floor); **prompted**: the base with the house prompt (the ceiling a
          bake aims at); **baked**: the house adapter, no prompt; **half-baked (0.5)**: the adapter at half strength;
          **re-baked**: the house prompt baked again on top of the house model with its own recipe (prompt pursuit: the
          baked model, prompted, teaches a second adapter); **baked + prompted**: the house model prompted again.
        - **fidelity** = baked ÷ prompted (above 100% where the bake follows the prompt more reliably than the prompted
          base); **KL ratio** = per-token KL(prompted ‖ baked) ÷ KL(prompted ‖ base) on 16 of the questions, replies
          sampled from the prompted base (0 is a perfect bake, 1 no change).
        - **retention**: the `retention` suite (48 everyday questions, each checked for its answer's key word), base →
          house model: what the bake kept of what the base knew.
        - **decay**: adherence at the last turn every one of 8 conversations of unrelated questions reached (a short
          context ends them early), prompted base → house model unprompted.

        """;

    static async Task<string> Row(HouseModel m, PromptRule rule, ModelStack stack, IReadOnlyList<string> questions, Suite retention, bool rebake)
    {
        var suite = ReportCardEvaluator.FitSuite(new ReportCardPlan(m.Prompt, rule.Rule, rule.CheckFor, questions, retention));
        var settings = new EvaluationSettings(0, 64, 0, EngineVersion.Current);
        var sampling = SamplingOptions.GreedyDecoding(64) with { Seed = 0 };
        var model = stack.Language.Model;
        var house = stack.Adapters[0].Name;
        var source = new ReplyCache(new ModelReplySource(stack, sampling));
        var runner = new SuiteRunner(source);
        var main = await runner.RunAsync(suite, Condition.All, m.Prompt, settings);

        model.SetStrength(house, 0.5);
        var half = await new SuiteRunner(new ModelReplySource(stack, sampling)).RunAsync(suite, [Condition.Model], null, settings);
        model.SetStrength(house, 1.0);

        string rebaked = "—";
        if (rebake)
        {
            // Prompt pursuit: the baked model, prompted again, is the teacher of a second adapter on top of the first.
            using var result = await new Baker(model, stack.Language.Tokenizer).Bake(m.Recipe, stack.Chain);
            model.Attach(result.Adapter);
            var both = new ModelReplySource(stack.Language, [house, result.Adapter.Name], sampling);
            rebaked = Rate((await new SuiteRunner(both).RunAsync(suite, [Condition.Model], null, settings)).Rate(Condition.Model));
            model.Detach(result.Adapter.Name);
        }

        var kl = KlSummary.From(await new PromptKl(stack).MeasureAsync(m.Prompt, questions.Take(16).ToList(), 0, 64), 0);
        var kept = await runner.RunAsync(retention, [Condition.Base, Condition.Model], null, settings);
        var decay = await new DecayRunner(new ModelReplySource(stack, SamplingOptions.GreedyDecoding(DecayPlan.DefaultMaxNewTokens)) { FullRepliesOnly = true })
            .RunAsync(DecayPlan.FromSuite(retention, m.Prompt, rule.CheckFor), DecayRunner.DefaultConditions, settings with { MaxNewTokens = DecayPlan.DefaultMaxNewTokens });
        var turn = decay.Curves.Min(c => c.FittedByAll);
        string At(Condition c) => Rate(decay.Find(c)!.Points.FirstOrDefault(p => p.Turn == turn)?.Adherence);

        return $"| {m.Key} ({rule.Rule}) | {Rate(main.Rate(Condition.Base))} | {Rate(main.Rate(Condition.Prompted))} | {Rate(main.Rate(Condition.Model))} | "
               + $"{Rate(half.Rate(Condition.Model))} | {rebaked} | {Rate(main.Rate(Condition.Reprompted))} | "
               + $"{(main.Fidelity is { } f ? Pct(f) : "—")} | {(kl.Ratio is { } r ? r.ToString("0.00", Ci) : "—")} | "
               + $"{Rate(kept.Rate(Condition.Base))} → {Rate(kept.Rate(Condition.Model))} | turn {turn}: {At(Condition.Prompted)} → {At(Condition.Model)} |";
    }

    static string Rate(Estimate? e) => e is { Count: > 0 } ? Pct(e.Value) : "—";

    static string Pct(double x) => $"{Math.Round(x * 100).ToString(Ci)}%";
}
