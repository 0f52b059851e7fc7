using Arena.Contracts.Bakes;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Evaluation;
using Arena.Engine.Generation;
using Arena.Engine.Lora;
using Arena.Evaluation.Checks;
using Arena.Evaluation.ReportCards;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;
using Arena.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Bakes;

/// <summary>
/// Writes a finished bake's report card with the model still loaded: the new adapter attached to its parent and
/// switched on and off, the prompt's rule from <see cref="PromptRules"/>, the built-in retention suite's questions.
/// A card that cannot be made is logged and left out: the bake itself succeeded.
/// </summary>
public sealed class BakeReportCards(IOptions<WorkerOptions> options, ILogger<BakeReportCards> log)
{
    public async Task<BakeReportCard?> Run(ModelStack parent, LoraAdapter adapter, BakeRecipe recipe, Action<BakeProgress> progress, CancellationToken ct)
    {
        var o = options.Value.ReportCard;
        if (!o.Enabled) return null;
        var model = parent.Language.Model;
        model.Attach(adapter);
        try
        {
            var seed = (int)(recipe.Seed % int.MaxValue);
            var sampling = SamplingOptions.GreedyDecoding(o.MaxTokens) with { Seed = seed };
            var source = new ModelReplySource(parent.Language, [adapter.Name], sampling);
            var settings = new EvaluationSettings(seed, o.MaxTokens, 0, EngineVersion.Current);
            var started = DateTime.UtcNow;
            var report = new InlineProgress<EvaluationProgress>(p => progress(new BakeProgress(BakePhase.Evaluating, p.Done, p.Total, null, 0,
                DateTime.UtcNow - started, null, "report card")));
            return await new ReportCardEvaluator(source).RunAsync(Plan(recipe.Prompt, o), settings, report, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The report card of a bake could not be made; the bake is reported without it");
            return null;
        }
        finally
        {
            model.Detach(adapter.Name);
        }
    }

    /// <summary>What the card asks for a prompt: its rule's questions (a fact's) or everyday ones, judged by its rule.</summary>
    public static ReportCardPlan Plan(string prompt, ReportCardOptions o)
    {
        var retention = BuiltInSuites.Read(BuiltInSuites.Find("retention")!, NoRules.Instance).Take(o.RetentionItems);
        var rule = PromptRules.Infer(prompt);
        var questions = rule?.Questions ?? retention.Items.Take(o.Questions).Select(i => i.Prompt).ToList();
        Func<string, ICheck>? check = rule is null ? null : q => CheckReader.Read(rule.Check(), q, StarterRules.Instance);
        return new ReportCardPlan(prompt, rule?.Rule, check, questions, retention);
    }
}
