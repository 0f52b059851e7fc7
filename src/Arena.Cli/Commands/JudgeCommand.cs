using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Core.Ratings;
using Arena.Engine;
using Arena.Engine.Evaluation;
using Arena.Engine.Generation;
using Arena.Evaluation.Judging;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Cli.Commands;

/// <summary>
/// arena judge: an automatic leaderboard. Each contestant (the base model with an adapter stack, or bare) answers a
/// suite; a judge (the rule judge, or a model) compares every pair's answers to every item in both orders; the
/// battles are rated with the arena's own Bradley–Terry chain and bootstrap. The result is kept apart from human
/// votes: it is printed and written as JSON, never stored with them.
/// </summary>
public static class JudgeCommand
{
    static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var contestants = a.All("contestant").Select(ContestantOption.Parse).ToList();
        var suiteName = a.Required("suite");
        var judgeSpec = a.Get("judge") ?? "rule";
        var limit = a.Get("limit") is null ? (int?)null : a.Int("limit", 0, 1, SuiteLimits.MaxItems);
        var seed = a.Int("seed", 0, 0, int.MaxValue);
        var maxTokens = a.Int("max-tokens", EvaluationSettings.DefaultMaxNewTokens, 1, 1 << 16);
        var json = a.Get("json");
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();

        // Everything that can be refused is refused before a model is loaded.
        (string Dir, IReadOnlyList<StackLayer> Adapters)? judgeStack = judgeSpec == "rule" ? null : JudgeStack(judgeSpec);
        var judgeModel = judgeStack is { } j ? ContestantOption.Identity(j.Dir, j.Adapters) : null;
        var entrants = contestants.Select(c => (c.Name, Model: ContestantOption.Identity(modelDir, c.Adapters))).ToList();
        PairwiseJudging.Check(entrants, judgeModel);
        var suite = BuiltInSuites.Open(suiteName, StarterRules.Instance).Take(limit);
        if (judgeStack is null && suite.Items.All(i => i.Checks.Count == 0))
            throw new UsageException($"suite {suite.Name} has no checks for the rule judge to count (--judge DIR names a judge model)");

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var sampling = new SamplingOptions { MaxNewTokens = maxTokens, Temperature = 0, Seed = seed };
        var settings = new EvaluationSettings(seed, maxTokens, 0, EngineVersion.Current);
        var answered = new List<(Contestant Contestant, EvaluationRun Run)>();
        for (var k = 0; k < contestants.Count; k++)
        {
            var c = contestants[k];
            // One stack in memory at a time: contestants may be many, and each is the whole base model again.
            using var stack = ModelStack.Load(modelDir, modelDir, c.Adapters, dev.DType, dev.Device);
            var bar = new ProgressBar();
            var run = new SuiteRunner(new ModelReplySource(stack, sampling))
                .RunAsync(suite, [Condition.Model], null, settings, Progress(bar, c.Name, "replies"), cts.Token).GetAwaiter().GetResult();
            bar.Done();
            if (!run.Complete) return Stopped("while the contestants answered");
            var answers = run.Scores[0].Score.Items.ToDictionary(i => i.Id, i => i.Response, StringComparer.Ordinal);
            answered.Add((new Contestant(c.Name, entrants[k].Model, answers), run));
        }

        var result = Judge(judgeSpec, judgeStack, judgeModel, suite, answered.Select(x => x.Contestant).ToList(), maxTokens, seed, dev, cts.Token);
        if (result.Battles.Count == 0) return Stopped("before any battle was judged");
        var table = Leaderboard.Compute(Battles(result), DateTimeOffset.UtcNow, new LeaderboardOptions { Seed = seed });
        Console.WriteLine(JudgeReport.Table(result, table, answered));
        if (json is not null)
        {
            File.WriteAllText(json, JudgeReport.Json(result, table, answered, settings).ToJsonString(Written) + "\n");
            Console.Error.WriteLine($"wrote {json}");
        }
        return result.Complete ? 0 : 1;
    }

    static JudgingResult Judge(string spec, (string Dir, IReadOnlyList<StackLayer> Adapters)? judgeStack, string? judgeModel, Suite suite,
        IReadOnlyList<Contestant> contestants, int maxTokens, int seed, DeviceOptions dev, CancellationToken ct)
    {
        var bar = new ProgressBar();
        try
        {
            if (judgeStack is not { } j)
                return new PairwiseJudging(new RuleJudge()).RunAsync(suite, contestants, Progress(bar, "judge", "battles"), ct).GetAwaiter().GetResult();
            using var stack = ModelStack.Load(j.Dir, j.Dir, j.Adapters, dev.DType, dev.Device);
            // Greedy, so the same answers get the same verdicts; the judge's reply length is its own, not the contestants'.
            var sampling = new SamplingOptions { MaxNewTokens = ModelJudge.DefaultMaxNewTokens, Temperature = 0, Seed = seed };
            var judge = new ModelJudge(new ModelReplySource(stack, sampling), spec, judgeModel!);
            return new PairwiseJudging(judge).RunAsync(suite, contestants, Progress(bar, "judge", "battles"), ct).GetAwaiter().GetResult();
        }
        finally
        {
            bar.Done();
        }
    }

    /// <summary>"DIR" or "DIR:ADAPTER[:s]": a judge model, the base folder with at most one adapter.</summary>
    static (string Dir, IReadOnlyList<StackLayer> Adapters) JudgeStack(string spec)
    {
        var colon = spec.IndexOf(':');
        if (colon < 0) return (spec, []);
        if (colon == 0 || colon == spec.Length - 1) throw new UsageException($"--judge must be rule, DIR or DIR:ADAPTER, got '{spec}'");
        return (spec[..colon], [AdapterOptions.Parse(spec[(colon + 1)..])]);
    }

    /// <summary>Judged battles in the shape the ratings read; their order stands in for time (only online Elo reads it).</summary>
    static List<Battle> Battles(JudgingResult result) =>
        result.Battles.Select((b, i) => new Battle(b.ModelA, b.ModelB, b.Verdict switch
        {
            Verdict.A => Winner.ModelA,
            Verdict.B => Winner.ModelB,
            _ => Winner.Tie,
        }, i)).ToList();

    static InlineProgress<EvaluationProgress> Progress(ProgressBar bar, string phase, string unit) =>
        new(p => bar.Update(phase, p.Fraction, $"{p.Done}/{p.Total} {unit}", null));

    static int Stopped(string when)
    {
        Console.Error.WriteLine($"stopped {when}; no leaderboard");
        return 1;
    }
}
