using Arena.Contracts.Bakes;
using Arena.Evaluation.Checks;
using Arena.Evaluation.ReportCards;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests.ReportCards;

public class ReportCardEvaluatorTests
{
    const string Prompt = "Talk like a pirate.";
    static readonly EvaluationSettings Settings = new(0, 32, 0, "test");

    static readonly Suite Retention = SuiteReader.Read("retention", string.Join('\n', Enumerable.Range(1, 10).Select(i =>
        $$"""{"id": "r{{i}}", "prompt": "Sum {{i}}?", "checks": [{"kind": "numeric", "value": {{i}}}]}""")), NoRules.Instance);

    static ReportCardPlan Plan(bool withRule = true) => new(Prompt, withRule ? "pirate" : null,
        withRule ? _ => new ContainsCheck(ContainsCheck.All, ["arr"], false) : null,
        [.. Enumerable.Range(1, 8).Select(i => $"Question {i}?")], Retention);

    /// <summary>
    /// The prompted parent talks like a pirate on every question; the parent alone never; the baked model on the
    /// questions its <paramref name="baked"/> says. Everyday sums: the parent gets them right, the baked model gets
    /// the first <paramref name="keptSums"/> right. Counts what it writes.
    /// </summary>
    sealed class Source(Func<int, bool> baked, int keptSums) : IReplySource
    {
        public int Written { get; private set; }

        public Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct)
        {
            Written += requests.Count;
            return Task.FromResult<IReadOnlyList<Reply>>(requests.Select(r =>
            {
                var text = r.Turns[^1].Content;
                var n = int.Parse(text.Split(' ')[1].TrimEnd('?'));
                if (text.StartsWith("Sum", StringComparison.Ordinal))
                    return new Reply(adapted && n > keptSums ? "No idea." : $"It is {n}.");
                var pirate = r.System is not null || (adapted && baked(n));
                return new Reply(pirate ? "Arr, it be so." : "It is so.");
            }).ToList());
        }
    }

    [Fact]
    public async Task ABakeThatTookSaysSoWithItsRates()
    {
        var card = await new ReportCardEvaluator(new Source(_ => true, 10)).RunAsync(Plan(), Settings);
        Assert.Equal(ReportVerdicts.Took, card.Verdict);
        Assert.Equal((0.0, 1.0, 1.0), (card.Floor!.Value, card.Ceiling!.Value, card.Baked!.Value));
        Assert.Equal(1.0, card.Fidelity);
        Assert.Equal((10, 10), (card.RetentionKept, card.RetentionParentRight));
        Assert.Null(card.RetentionNote);
        Assert.Contains("Baked in", card.Summary);
    }

    [Fact]
    public async Task ABakeThatDidNotTakeSaysSoPlainly()
    {
        var card = await new ReportCardEvaluator(new Source(_ => false, 10)).RunAsync(Plan(), Settings);
        Assert.Equal(ReportVerdicts.DidNotTake, card.Verdict);
        Assert.Contains("did not take", card.Summary);
    }

    [Fact]
    public async Task HalfTakenIsPartial()
    {
        var card = await new ReportCardEvaluator(new Source(n => n % 2 == 0, 10)).RunAsync(Plan(), Settings);
        Assert.Equal(ReportVerdicts.Partial, card.Verdict);
        Assert.Equal(0.5, card.Fidelity);
    }

    [Fact]
    public async Task LostKnowledgeIsNamed()
    {
        var card = await new ReportCardEvaluator(new Source(_ => true, 3)).RunAsync(Plan(), Settings);
        Assert.Equal((3, 10), (card.RetentionKept, card.RetentionParentRight));
        Assert.Contains("fewer everyday questions", card.RetentionNote);
    }

    [Fact]
    public async Task APromptWithoutARuleGetsSamplesButNoRates()
    {
        var card = await new ReportCardEvaluator(new Source(_ => true, 10)).RunAsync(Plan(withRule: false), Settings);
        Assert.Equal(ReportVerdicts.Unmeasured, card.Verdict);
        Assert.Null(card.Fidelity);
        Assert.Null(card.Baked);
        Assert.Equal(3, card.Samples.Count);
        Assert.Equal(("Question 1?", "It is so.", "Arr, it be so.", "Arr, it be so."),
            (card.Samples[0].Question, card.Samples[0].Before, card.Samples[0].Prompted, card.Samples[0].After));
    }

    [Fact]
    public async Task SharedRepliesAreWrittenOnce()
    {
        var source = new Source(_ => true, 10);
        // The fit questions are the retention questions, as for a prompt judged on everyday questions.
        var plan = Plan() with { Questions = [.. Retention.Items.Select(i => i.Prompt)] };
        await new ReportCardEvaluator(source).RunAsync(plan, Settings);
        // Unprompted replies of the parent and the model serve both runs: 10 × 2 of them, plus 10 prompted.
        Assert.Equal(10 * 3, source.Written);
    }

    [Fact]
    public void AParentThatIgnoresThePromptIsTheReasonGiven()
    {
        var card = ReportVerdict.Judge(new BakeReportCard
        {
            Rule = "persona/pirate",
            Floor = new RateSummary(0, 0, 0.2, 24),
            Ceiling = new RateSummary(0.1, 0.02, 0.3, 24),
            Baked = new RateSummary(0.05, 0, 0.2, 24),
            Fidelity = 0.5,
        });
        Assert.Equal(ReportVerdicts.NoCeiling, card.Verdict);
        Assert.Contains("does not follow this prompt even when prompted", card.Summary);
    }
}
