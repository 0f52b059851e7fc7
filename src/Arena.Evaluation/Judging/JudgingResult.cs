namespace Arena.Evaluation.Judging;

/// <summary>
/// A judged tournament: every pair of contestants on every item of a suite, each battle judged in both orders.
/// Incomplete when it was cancelled before every battle was judged; the battles judged so far are kept.
/// </summary>
public sealed record JudgingResult(string Suite, string Hash, string Judge, IReadOnlyList<string> Contestants, IReadOnlyList<JudgedBattle> Battles, bool Complete)
{
    /// <summary>Battles whose two judgments disagreed: each counted as a tie.</summary>
    public int Inconsistent => Battles.Count(b => !b.Consistent);

    /// <summary>Judgments (two per battle) with no readable verdict: each counted as a tie.</summary>
    public int Unparsed => Battles.Sum(b => b.Unparsed);

    /// <summary>Each pair's record, in the order the pairs were played.</summary>
    public IReadOnlyList<PairRecord> Pairs =>
        Battles.GroupBy(b => (b.ModelA, b.ModelB))
            .Select(g => new PairRecord(g.Key.ModelA, g.Key.ModelB,
                g.Count(b => b.Verdict == Verdict.A), g.Count(b => b.Verdict == Verdict.Tie), g.Count(b => b.Verdict == Verdict.B),
                g.Count(b => !b.Consistent), g.Sum(b => b.Unparsed)))
            .ToList();
}
