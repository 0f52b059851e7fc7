using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Scoring;

/// <summary>
/// A suite's scores for one set of replies. Rates are over scored items (prompt level) and over checks
/// (instruction level, IFEval's second number), each strict and loose, with 95% Wilson intervals. Items with no
/// reply are listed in <see cref="Missing"/>: such a score is incomplete and must say so wherever it is shown.
/// </summary>
public sealed record SuiteScore(string Suite, string Hash, IReadOnlyList<ItemScore> Items, IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;

    IEnumerable<ItemScore> ScoredItems => Items.Where(i => i.Scored);

    public Estimate Strict => Wilson.Rate(ScoredItems.Count(i => i.Passed), ScoredItems.Count());

    public Estimate Loose => Wilson.Rate(ScoredItems.Count(i => i.PassedLoose), ScoredItems.Count());

    public Estimate ChecksStrict => Wilson.Rate(Items.Sum(i => i.Checks.Count(c => c.Passed)), Items.Sum(i => i.Checks.Count));

    public Estimate ChecksLoose => Wilson.Rate(Items.Sum(i => i.Checks.Count(c => c.PassedLoose)), Items.Sum(i => i.Checks.Count));

    /// <summary>Strict prompt-level rate per category (items without one under "").</summary>
    public IReadOnlyDictionary<string, Estimate> ByCategory =>
        new SortedDictionary<string, Estimate>(ScoredItems.GroupBy(i => i.Category ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Wilson.Rate(g.Count(i => i.Passed), g.Count()), StringComparer.Ordinal), StringComparer.Ordinal);
}
