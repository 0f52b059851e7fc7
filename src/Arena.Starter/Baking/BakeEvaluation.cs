using Arena.Contracts.Bakes;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Evaluation;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;
using Arena.Engine.Generation;
using Arena.Engine.Lora;
using Arena.Engine.Tokenization;
using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Starter.Baking;

/// <summary>
/// Bakes the world's behaviors into a model and measures the result with the behavior checkers: adherence of the
/// prompted base (the target), of the unprompted base (the floor), and of the unprompted baked model at strength
/// 1, 0.5 (half-baked) and 1.5 (amplified), on held-out queries the bake never saw.
/// </summary>
public sealed class BakeEvaluation(LanguageModel lm)
{
    /// <summary>The acceptance recipe of docs/baking.md: the recipe's defaults with twice the trajectories and 12 epochs,
    /// longer than a platform bake, which is sized for the 5-minute bar. Each scenario brings its prompt and queries.</summary>
    public static readonly BakeRecipe Acceptance = new() { Prompt = "-", TrajectoriesPerQuery = 16, Epochs = 12 };

    public Action<BakeProgress>? Progress { get; init; }

    public Arena.Engine.Modules.CausalLM Model => lm.Model;

    /// <summary>Share of greedy replies to <paramref name="queries"/> that pass <paramref name="pass"/>.</summary>
    public async Task<double> Adherence(string? system, IReadOnlyList<string> queries, Func<string, bool> pass, CancellationToken ct = default)
    {
        return Share(await Replies(system, queries, ct), pass);
    }

    static double Share(string[] replies, Func<string, bool> pass) => replies.Count(pass) / (double)replies.Length;

    /// <summary>Greedy replies of the model as it is (adapters as attached), written by the evaluator's reply source.</summary>
    public async Task<string[]> Replies(string? system, IReadOnlyList<string> queries, CancellationToken ct = default)
    {
        var source = new ModelReplySource(lm, [], SamplingOptions.GreedyDecoding(96)) { RowsPerBatch = int.MaxValue };
        var requests = queries.Select(q => new ReplyRequest(system, [new SuiteTurn("user", q)])).ToList();
        return [.. (await source.WriteAsync(adapted: true, requests, ct)).Select(r => r.Text)];
    }

    public static Func<string, bool> Follows(BakeScenario s) => reply => s.Checker.Follows(reply, s.Context);

    /// <summary>Bakes <paramref name="s"/> on the model as it is (with any adapters already attached) and returns the adapter.</summary>
    public Task<BakeResult> Bake(BakeScenario s, BakeRecipe recipe, CancellationToken ct = default) =>
        new Baker(lm.Model, lm.Tokenizer) { Progress = Progress }.Bake(recipe with { Prompt = s.Prompt, Queries = s.TrainQueries }, [lm.Directory], ct);

    public async Task<(ScenarioResult Result, LoraAdapter Adapter)> Run(BakeScenario s, BakeRecipe recipe, CancellationToken ct = default)
    {
        var pass = Follows(s);
        var teacher = await Replies(s.Prompt, s.EvalQueries, ct);
        var prompted = Share(teacher, pass);
        var unprompted = await Adherence(null, s.EvalQueries, pass, ct);
        var result = await Bake(s, recipe, ct);
        foreach (var (_, c) in result.Checkpoints) c.Dispose();
        var adapter = result.Adapter;
        lm.Model.Attach(adapter, 1.0);
        try
        {
            var bakedReplies = await Replies(null, s.EvalQueries, ct);
            var baked = Share(bakedReplies, pass);
            var misses = Enumerable.Range(0, bakedReplies.Length).Where(i => !pass(bakedReplies[i]))
                .Select(i => new BakedMiss(s.EvalQueries[i], bakedReplies[i], teacher[i])).ToList();
            var bakedPrompted = await Adherence(s.Prompt, s.EvalQueries, pass, ct);
            lm.Model.SetStrength(adapter.Name, 0.5);
            var half = await Adherence(null, s.EvalQueries, pass, ct);
            lm.Model.SetStrength(adapter.Name, 1.5);
            var amplified = await Adherence(null, s.EvalQueries, pass, ct);
            var r = result.Report;
            return (new ScenarioResult(s.Behavior, s.Prompt, prompted, unprompted, baked, half, amplified, bakedPrompted,
                r.KlPromptedVsParent, r.KlPromptedVsBaked, r.TotalSeconds, r.SamplingTokensPerSecond, r.TrainingTokensPerSecond) { Misses = misses }, adapter);
        }
        finally
        {
            lm.Model.Detach(adapter.Name);
        }
    }
}
