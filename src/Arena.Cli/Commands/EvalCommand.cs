using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine;
using Arena.Engine.Evaluation;
using Arena.Engine.Generation;
using Arena.Evaluation;
using Arena.Evaluation.Decay;
using Arena.Evaluation.Kl;
using Arena.Evaluation.Running;
using Arena.Evaluation.Scoring;
using Arena.Evaluation.Statistics;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Cli.Commands;

/// <summary>
/// arena eval: scores a model on a suite under conditions (base, prompted, model, reprompted), or scores replies
/// written elsewhere (<c>--responses</c>). Suites are files (JSON Lines, IFEval's format included) or built-in names.
/// With a prompt, <c>--decay N</c> follows the prompt's hold over N-turn conversations instead (<see cref="EvalDecay"/>)
/// and <c>--kl</c> adds the KL from the prompted base to the model and to the base (<see cref="EvalKl"/>).
/// </summary>
public static class EvalCommand
{
    static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(CliArgs a)
    {
        var suiteName = a.Required("suite");
        var responses = a.Get("responses");
        var json = a.Get("json");
        var limit = a.Get("limit") is null ? (int?)null : a.Int("limit", 0, 1, SuiteLimits.MaxItems);
        if (responses is not null) return ScoreResponses(a, suiteName, responses, json);

        var modelDir = a.Required("model");
        var adapters = AdapterOptions.ParseAll(a.All("adapter"));
        var prompt = a.Get("prompt");
        if (prompt is not null && prompt.Trim().Length == 0) throw new UsageException("--prompt must not be empty");
        var decay = a.Get("decay") is null ? (int?)null : a.Int("decay", 0, 1, DecayPlan.MaxTurns);
        var kl = a.Flag("kl");
        if (decay is not null && prompt is null) throw new UsageException("--decay needs --prompt: the curves follow that prompt's hold over a conversation");
        if (kl && prompt is null) throw new UsageException("--kl needs --prompt: the KL is measured from the base with that prompt");
        var check = a.Get("check");
        var conversations = a.Int("conversations", DecayPlan.DefaultConversations, 1, SuiteLimits.MaxItems);
        if (decay is null && (check is not null || a.Get("conversations") is not null)) throw new UsageException("--check and --conversations go with --decay");
        var conditions = Condition.Parse(a.Get("conditions") ?? (decay is null ? DefaultConditions(adapters.Count > 0, prompt is not null) : "prompted,model"), prompt is not null);
        var seed = a.Int("seed", 0, 0, int.MaxValue);
        // A decay run keeps every reply in the history: shorter replies let more turns fit the context.
        var maxTokens = a.Int("max-tokens", decay is null ? EvaluationSettings.DefaultMaxNewTokens : DecayPlan.DefaultMaxNewTokens, 1, 1 << 16);
        var temperature = a.Double("temperature", 0, 0, 100);
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();

        var suite = BuiltInSuites.Open(suiteName, StarterRules.Instance).Take(limit);
        var plan = decay is { } turns ? EvalDecay.Plan(suite, prompt!, check, turns, conversations) : null;
        using var stack = ModelStack.Load(modelDir, modelDir, adapters, dev.DType, dev.Device);
        var sampling = new SamplingOptions { MaxNewTokens = maxTokens, Temperature = temperature, Seed = seed };
        var settings = new EvaluationSettings(seed, maxTokens, temperature, EngineVersion.Current);
        var bar = new ProgressBar();
        var started = DateTime.UtcNow;
        var progress = new InlineProgress<EvaluationProgress>(p => bar.Update(plan is null ? "eval" : "decay", p.Fraction, $"{p.Done}/{p.Total} replies", Remaining(started, p)));
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var source = new ModelReplySource(stack, sampling) { FullRepliesOnly = plan is not null };
        JsonObject written;
        bool complete;
        if (plan is not null)
        {
            var run = new DecayRunner(source).RunAsync(plan, conditions, settings, progress, cts.Token).GetAwaiter().GetResult();
            bar.Done();
            Console.WriteLine(EvalDecay.Table(run, plan.Conversations));
            (written, complete) = (DecayJson.Write(run), run.Complete);
        }
        else
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var run = new SuiteRunner(source).RunAsync(suite, conditions, prompt, settings, progress, cts.Token).GetAwaiter().GetResult();
            bar.Done();
            Console.WriteLine(Table(run));
            // The speed line is what docs/benchmarks.md records: items and replies per second on this machine.
            var replies = run.Scores.Sum(s => s.Score.Items.Count);
            Console.WriteLine($"{replies} replies ({suite.Items.Count} items × {conditions.Count} conditions) in {clock.Elapsed.TotalSeconds:0.0} s: "
                + $"{replies / clock.Elapsed.TotalSeconds:0.0} replies/s, {suite.Items.Count / clock.Elapsed.TotalSeconds:0.0} items/s");
            (written, complete) = (RunJson.Write(run), run.Complete);
        }
        if (kl && complete)
        {
            var summary = EvalKl.Measure(stack, suite, prompt!, seed, maxTokens, cts.Token);
            Console.WriteLine(EvalKl.Table(summary));
            written["kl"] = KlJson.Write(summary);
        }
        if (json is not null) Write(json, written);
        return complete ? 0 : 1;
    }

    // Every condition the given inputs make distinct: the model always; the prompt's conditions when there is one;
    // the bare base when adapters make the model differ from it.
    static string DefaultConditions(bool adapters, bool prompt) =>
        (adapters, prompt) switch
        {
            (true, true) => "base,prompted,model,reprompted",
            (true, false) => "base,model",
            (false, true) => "model,prompted",
            _ => "model",
        };

    static int ScoreResponses(CliArgs a, string suiteName, string path, string? json)
    {
        a.RejectUnknown();
        var suite = BuiltInSuites.Open(suiteName, StarterRules.Instance);
        var score = ResponseScorer.Score(suite, ResponseReader.ReadFile(path, suite));
        Console.WriteLine($"{score.Suite}: {score.Items.Count} replies scored{(score.Complete ? "" : $", {score.Missing.Count} items without a reply (incomplete)")}");
        Console.WriteLine(Rates("replies", score));
        if (json is not null) Write(json, ScoreJson.Write(score));
        return 0;
    }

    static string Table(EvaluationRun run)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"suite {run.Suite} ({run.Hash[..12]}), seed {run.Settings.Seed}, temperature {run.Settings.Temperature.ToString(CultureInfo.InvariantCulture)}");
        foreach (var s in run.Scores) sb.AppendLine(Rates(s.Condition.Name, s.Score));
        if (run.Fidelity is { } f) sb.AppendLine($"fidelity (model ÷ prompted): {f:P0}");
        if (!run.Complete) sb.AppendLine("INCOMPLETE: stopped before every item had a reply");
        return sb.ToString().TrimEnd();
    }

    static string Rates(string label, SuiteScore s) =>
        $"{label,-12} items {Show(s.Strict)}  loose {Show(s.Loose)}  |  checks {Show(s.ChecksStrict)}  loose {Show(s.ChecksLoose)}"
        + (s.Items.Count(i => i.Error is not null) is > 0 and var errors ? $"  ({errors} items with errors)" : "");

    static string Show(Estimate e) => e.Count == 0 ? "—" : $"{e.Value:P1} [{e.Low:P0}, {e.High:P0}] n={e.Count}";

    static TimeSpan? Remaining(DateTime started, EvaluationProgress p) =>
        p.Done == 0 ? null : (DateTime.UtcNow - started) * ((p.Total - p.Done) / (double)p.Done);

    static void Write(string path, JsonObject json)
    {
        File.WriteAllText(path, json.ToJsonString(Written) + "\n");
        Console.Error.WriteLine($"wrote {path}");
    }
}
