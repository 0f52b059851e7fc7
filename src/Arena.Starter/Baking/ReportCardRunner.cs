using Arena.Contracts.Bakes;
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
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Starter.Baking;

/// <summary>
/// Writes a finished bake's report card with the model still loaded: the new adapter attached to its parent and
/// switched on and off (the parent's own adapters stay on), the prompt's rule from <see cref="PromptRules"/>, the
/// built-in retention suite's questions, prompt decay and KL. The worker and <c>arena bake</c> both call it.
/// </summary>
public static class ReportCardRunner
{
    public static async Task<BakeReportCard> Run(ModelStack parent, LoraAdapter adapter, BakeRecipe recipe, ReportCardBudget o,
        Action<BakeProgress> progress, CancellationToken ct)
    {
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
            var plan = Plan(recipe.Prompt, o);
            var card = await new ReportCardEvaluator(source).RunAsync(plan, settings, report, ct);
            card = await WithDecay(card, plan, parent.Language, adapter.Name, settings, o, report, ct);
            card = await WithKl(card, plan, parent.Language, adapter.Name, seed, o, ct);
            return card with { Seconds = (DateTime.UtcNow - started).TotalSeconds };
        }
        finally
        {
            model.Detach(adapter.Name);
        }
    }

    /// <summary>The prompt-decay curves: the prompted parent against the new model over long conversations, by the rule.</summary>
    static async Task<BakeReportCard> WithDecay(BakeReportCard card, ReportCardPlan plan, LanguageModel language, string adapter,
        EvaluationSettings settings, ReportCardBudget o, IProgress<EvaluationProgress> progress, CancellationToken ct)
    {
        if (plan.Check is null || o.DecayTurns <= 0 || o.DecayConversations <= 0) return card;
        var decay = new DecayPlan(plan.Retention.Name, plan.Retention.Hash, plan.Retention.Items.Select(i => i.Prompt).ToList(), plan.Prompt,
            plan.Check, o.DecayTurns, o.DecayConversations);
        // Full replies only: a reply cut short by the context at a late turn would read as the prompt fading.
        var sampling = SamplingOptions.GreedyDecoding(DecayPlan.DefaultMaxNewTokens) with { Seed = settings.Seed };
        var source = new ModelReplySource(language, [adapter], sampling) { FullRepliesOnly = true };
        var run = await new DecayRunner(source).RunAsync(decay, DecayRunner.DefaultConditions,
            settings with { MaxNewTokens = DecayPlan.DefaultMaxNewTokens }, progress, ct);
        return card with { Decay = ReportCardParts.Decay(run), DecayNote = ReportCardParts.DecayNote(run), Complete = card.Complete && run.Complete };
    }

    /// <summary>Per-token KL to the prompted parent, before and after, on held-out questions: measured for any prompt.</summary>
    static async Task<BakeReportCard> WithKl(BakeReportCard card, ReportCardPlan plan, LanguageModel language, string adapter, int seed,
        ReportCardBudget o, CancellationToken ct)
    {
        if (o.KlQueries <= 0) return card;
        var queries = await new PromptKl(language, [adapter]).MeasureAsync(plan.Prompt, plan.Questions.Take(o.KlQueries).ToList(), seed, o.MaxTokens, ct);
        return card with { Kl = ReportCardParts.Kl(KlSummary.From(queries, seed)) };
    }

    /// <summary>What the card asks for a prompt: its rule's questions (a fact's) or everyday ones, judged by its rule.</summary>
    public static ReportCardPlan Plan(string prompt, ReportCardBudget o)
    {
        var retention = BuiltInSuites.Read(BuiltInSuites.Find("retention")!, NoRules.Instance).Take(o.RetentionItems);
        var rule = PromptRules.Infer(prompt);
        var questions = rule?.Questions ?? retention.Items.Take(o.Questions).Select(i => i.Prompt).ToList();
        Func<string, ICheck>? check = rule is null ? null : rule.CheckFor;
        return new ReportCardPlan(prompt, rule?.Rule, check, questions, retention);
    }
}
