using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Scoring;

/// <summary>Scores replies against a suite's checks: the one place a reply is judged, whoever wrote it.</summary>
public static class ResponseScorer
{
    /// <summary>Every check of <paramref name="item"/> on <paramref name="response"/>.</summary>
    public static ItemScore Score(SuiteItem item, string response) =>
        new(item.Id, item.Category, response, item.Checks.Select(c => c.Check(response)).ToList());

    /// <summary>An item no reply could be written for (e.g. longer than the model's context): every check fails with the reason.</summary>
    public static ItemScore Unanswered(SuiteItem item, string error) =>
        new(item.Id, item.Category, "", item.Checks.Select(c => Checks.CheckResult.Failed(c.Kind, c.Name, error)).ToList(), error);

    /// <summary>
    /// The suite's score for <paramref name="responses"/> (item id → reply), in the suite's order. Items without a
    /// reply are missing, not failed: the score is then incomplete.
    /// </summary>
    public static SuiteScore Score(Suite suite, IReadOnlyDictionary<string, string> responses)
    {
        var unknown = responses.Keys.FirstOrDefault(id => suite.Find(id) is null);
        if (unknown is not null) throw new SuiteException($"a reply is for item '{unknown}', which suite {suite.Name} does not have");
        var items = suite.Items.Where(i => responses.ContainsKey(i.Id)).Select(i => Score(i, responses[i.Id])).ToList();
        var missing = suite.Items.Where(i => !responses.ContainsKey(i.Id)).Select(i => i.Id).ToList();
        return new SuiteScore(suite.Name, suite.Hash, items, missing);
    }
}
