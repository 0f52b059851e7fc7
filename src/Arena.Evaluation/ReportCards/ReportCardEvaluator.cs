using System.Diagnostics;
using Arena.Contracts.Bakes;
using Arena.Evaluation.Running;
using Arena.Evaluation.Scoring;
using Arena.Evaluation.Statistics;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.ReportCards;

/// <summary>
/// The quick evaluation after a bake: the held-out questions under the parent unprompted (floor), the parent
/// prompted (ceiling) and the new model unprompted, judged by the prompt's rule; the retention suite under the
/// parent and the new model. One <see cref="SuiteRunner"/> run each, so all of it batches as any evaluation does.
/// </summary>
public sealed class ReportCardEvaluator(IReplySource source)
{
    static readonly IReadOnlyList<Condition> FitConditions = [Condition.Base, Condition.Prompted, Condition.Model];
    static readonly IReadOnlyList<Condition> RetentionConditions = [Condition.Base, Condition.Model];

    public async Task<BakeReportCard> RunAsync(ReportCardPlan plan, EvaluationSettings settings, IProgress<EvaluationProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var fitSuite = FitSuite(plan);
        var total = fitSuite.Items.Count * FitConditions.Count + plan.Retention.Items.Count * RetentionConditions.Count;
        // The parent's and the model's unprompted replies to a question are asked for in both runs: written once.
        var runner = new SuiteRunner(new ReplyCache(source));
        var fit = await runner.RunAsync(fitSuite, FitConditions, plan.Prompt, settings, Offset(progress, 0, total), ct);
        var retention = await runner.RunAsync(plan.Retention, RetentionConditions, null, settings,
            Offset(progress, fitSuite.Items.Count * FitConditions.Count, total), ct);

        var floor = fit.Rate(Condition.Base);
        var ceiling = fit.Rate(Condition.Prompted);
        var baked = fit.Rate(Condition.Model);
        var (kept, parentRight) = Kept(retention);
        var card = new BakeReportCard
        {
            Rule = plan.Check is null ? null : plan.Rule,
            Floor = plan.Check is null ? null : Summary(floor),
            Ceiling = plan.Check is null ? null : Summary(ceiling),
            Baked = plan.Check is null ? null : Summary(baked),
            Fidelity = plan.Check is null ? null : fit.Fidelity,
            RetentionParent = Summary(retention.Rate(Condition.Base)),
            RetentionBaked = Summary(retention.Rate(Condition.Model)),
            RetentionKept = kept,
            RetentionParentRight = parentRight,
            Samples = Samples(fit, fitSuite, plan.Samples),
            Seed = settings.Seed,
            EngineVersion = settings.EngineVersion,
            Seconds = clock.Elapsed.TotalSeconds,
            Complete = fit.Complete && retention.Complete,
        };
        return ReportVerdict.Judge(card);
    }

    /// <summary>The held-out questions as a suite, each judged by the prompt's check (none when there is no rule).</summary>
    public static Suite FitSuite(ReportCardPlan plan)
    {
        if (plan.Questions.Count == 0) throw new SuiteException("a report card needs held-out questions");
        var items = plan.Questions.Select((q, i) => new SuiteItem($"q{i + 1}", [new SuiteTurn("user", q)], null, "fit",
            plan.Check is null ? [] : [plan.Check(q)])).ToList();
        return new Suite("report-card", items, SuiteReader.Hash(string.Join('\n', plan.Questions) + "\n" + plan.Rule));
    }

    static RateSummary? Summary(Estimate? e) => e is { Count: > 0 } ? new RateSummary(e.Value, e.Low, e.High, e.Count) : null;

    static (int Kept, int ParentRight) Kept(EvaluationRun retention)
    {
        var parent = retention.Find(Condition.Base)!.Score.Items.Where(i => i.Passed).Select(i => i.Id).ToHashSet();
        var kept = retention.Find(Condition.Model)!.Score.Items.Count(i => i.Passed && parent.Contains(i.Id));
        return (kept, parent.Count);
    }

    static IReadOnlyList<ReportCardSample> Samples(EvaluationRun fit, Suite suite, int count)
    {
        ItemScore? Reply(Condition c, string id) => fit.Find(c)!.Score.Items.FirstOrDefault(i => i.Id == id);
        bool? Passed(ItemScore? s) => s is { Scored: true } ? s.Passed : null;
        return fit.Find(Condition.Model)!.Score.Items.Take(count).Select(after =>
        {
            var before = Reply(Condition.Base, after.Id);
            var prompted = Reply(Condition.Prompted, after.Id);
            return new ReportCardSample(suite.Find(after.Id)!.Prompt, before?.Response ?? "", prompted?.Response ?? "", after.Response,
                Passed(before), Passed(prompted), Passed(after));
        }).ToList();
    }

    static IProgress<EvaluationProgress>? Offset(IProgress<EvaluationProgress>? progress, int done, int total) =>
        progress is null ? null : new OffsetProgress(progress, done, total);

    // The two runs report as one: the second starts where the first ended.
    sealed class OffsetProgress(IProgress<EvaluationProgress> inner, int offset, int total) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => inner.Report(new EvaluationProgress(offset + value.Done, total));
    }
}
