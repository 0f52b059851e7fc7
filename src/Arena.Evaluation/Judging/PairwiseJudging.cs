using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Judging;

/// <summary>
/// Judges contestants' answers pairwise, as MT-Bench and Arena-Hard do: every pair of contestants on every item, each
/// battle asked twice with the answers swapped, so a judge that prefers a position gets ties rather than winners.
/// Agreeing judgments give the battle to their winner; disagreeing ones make it a tie. Requests go to the judge in
/// chunks, both orders of a battle in the same chunk; a cancellation lands between chunks and keeps what was judged.
/// </summary>
public sealed class PairwiseJudging(IJudge judge)
{
    /// <summary>Battles per call to the judge (two requests each): enough to fill a model judge's batches.</summary>
    public int ChunkSize { get; init; } = 32;

    /// <summary>
    /// Refuses a tournament that cannot be fair or meaningful: fewer than two contestants, a name used twice, or a
    /// judge that is itself a contestant (it would be judging its own answers). Throws <see cref="SuiteException"/>.
    /// </summary>
    public static void Check(IReadOnlyList<(string Name, string Model)> contestants, string? judgeModel)
    {
        if (contestants.Count < 2) throw new SuiteException($"judging needs at least two contestants, got {contestants.Count}");
        if (contestants.Any(c => string.IsNullOrWhiteSpace(c.Name))) throw new SuiteException("every contestant needs a name");
        var twice = contestants.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new SuiteException($"contestant name '{twice.Key}' is used twice");
        if (judgeModel is not null && contestants.Where(c => c.Model == judgeModel).Select(c => c.Name).FirstOrDefault() is { } itself)
            throw new SuiteException($"the judge is also contestant '{itself}' ({judgeModel}): a model may not judge its own answers");
    }

    public async Task<JudgingResult> RunAsync(Suite suite, IReadOnlyList<Contestant> contestants,
        IProgress<EvaluationProgress>? progress = null, CancellationToken ct = default)
    {
        Check(contestants.Select(c => (c.Name, c.Model)).ToList(), judge.Model);
        foreach (var c in contestants)
            if (suite.Items.FirstOrDefault(i => !c.Answers.ContainsKey(i.Id)) is { } item)
                throw new SuiteException($"contestant '{c.Name}' has no answer to item '{item.Id}'");

        var games = new List<(Contestant A, Contestant B, SuiteItem Item)>();
        for (var i = 0; i < contestants.Count; i++)
            for (var j = i + 1; j < contestants.Count; j++)
                games.AddRange(suite.Items.Select(item => (contestants[i], contestants[j], item)));

        var battles = new List<JudgedBattle>(games.Count);
        progress?.Report(new EvaluationProgress(0, games.Count));
        try
        {
            foreach (var chunk in games.Chunk(ChunkSize))
            {
                ct.ThrowIfCancellationRequested();
                var requests = chunk.SelectMany(g => new[]
                {
                    new JudgeRequest(g.Item, g.A.Answers[g.Item.Id], g.B.Answers[g.Item.Id]),
                    new JudgeRequest(g.Item, g.B.Answers[g.Item.Id], g.A.Answers[g.Item.Id]),
                }).ToList();
                var judged = await judge.JudgeAsync(requests, ct);
                if (judged.Count != requests.Count) throw new InvalidOperationException($"the judge gave {judged.Count} judgments for {requests.Count} requests");
                for (var k = 0; k < chunk.Length; k++)
                    battles.Add(Battle(chunk[k].Item.Id, chunk[k].A.Name, chunk[k].B.Name, judged[2 * k], judged[2 * k + 1]));
                progress?.Report(new EvaluationProgress(battles.Count, games.Count));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Kept, not thrown away: the battles judged so far are returned and the result says it is incomplete.
        }
        return new JudgingResult(suite.Name, suite.Hash, judge.Name, contestants.Select(c => c.Name).ToList(), battles, battles.Count == games.Count);
    }

    /// <summary>
    /// The battle two judgments make: <paramref name="first"/> showed <paramref name="a"/> as A, <paramref name="second"/>
    /// showed it as B, so the second verdict is turned around before the two are compared.
    /// </summary>
    public static JudgedBattle Battle(string item, string a, string b, Judgment first, Judgment second)
    {
        var again = Swapped(second.Verdict);
        var consistent = first.Verdict == again;
        return new JudgedBattle(item, a, b, consistent ? first.Verdict : Verdict.Tie, consistent, first, second);
    }

    static Verdict Swapped(Verdict v) => v switch
    {
        Verdict.A => Verdict.B,
        Verdict.B => Verdict.A,
        _ => Verdict.Tie,
    };
}
