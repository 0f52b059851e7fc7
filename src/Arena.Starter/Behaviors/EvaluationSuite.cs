namespace Arena.Starter.Behaviors;

/// <summary>
/// Scores a reply generator on a set of probes: for each probe the conversation is played twice, with the
/// probe's system prompt and without one, feeding the generator's own replies back as history, and every
/// assistant turn is checked by the behavior's checker. Neutral probes (no system prompt) are played once.
/// </summary>
public sealed class EvaluationSuite(IReadOnlyList<Probe> probes)
{
    /// <summary>The probes this suite runs.</summary>
    public IReadOnlyList<Probe> Probes { get; } = probes;

    /// <summary>Runs every probe through a synchronous generator.</summary>
    public EvaluationReport Run(ReplyGenerator generate, CancellationToken cancellationToken = default) =>
        RunAsync((s, u, a, _) => ValueTask.FromResult(generate(s, u, a)), cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Runs every probe through <paramref name="generate"/>, one reply at a time.</summary>
    public async ValueTask<EvaluationReport> RunAsync(AsyncReplyGenerator generate, CancellationToken cancellationToken = default)
    {
        var scores = new List<Score>();
        foreach (var probe in Probes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prompted = await PlayAsync(generate, probe.System, probe.UserTurns, cancellationToken);
            var unprompted = probe.System is null
                ? prompted
                : await PlayAsync(generate, null, probe.UserTurns, cancellationToken);
            for (var turn = 0; turn < probe.UserTurns.Count; turn++)
                scores.Add(new Score(
                    probe.Behavior,
                    turn,
                    probe.Contexts[turn].FactsStated,
                    probe.Checker.Follows(prompted[turn], probe.Contexts[turn]),
                    probe.Checker.Follows(unprompted[turn], probe.Contexts[turn]),
                    RepetitionDetector.IsDegenerate(prompted[turn]),
                    RepetitionDetector.IsDegenerate(unprompted[turn])));
        }
        return Summarize(scores);
    }

    private static async ValueTask<IReadOnlyList<string>> PlayAsync(
        AsyncReplyGenerator generate, string? system, IReadOnlyList<string> userTurns, CancellationToken ct)
    {
        var replies = new List<string>();
        for (var turn = 0; turn < userTurns.Count; turn++)
            replies.Add(await generate(system, userTurns.Take(turn + 1).ToList(), replies.ToList(), ct));
        return replies;
    }

    private static EvaluationReport Summarize(IReadOnlyList<Score> scores)
    {
        var order = BehaviorCatalog.Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var rows = scores
            .GroupBy(s => s.Behavior)
            .OrderBy(g => order[g.Key])
            .Select(g =>
            {
                var checker = BehaviorCatalog.Checker(g.Key);
                return new AdherenceRow(checker.Family, checker.Id, Share(g, s => s.Prompted), Share(g, s => s.Unprompted), g.Count());
            })
            .ToList();
        var facts = scores.Where(s => s.Behavior.StartsWith("fact/", StringComparison.Ordinal)).ToList();
        var steered = scores.Where(s => !s.Behavior.StartsWith("neutral/", StringComparison.Ordinal)).ToList();
        var byTurn = steered.GroupBy(s => s.Turn).OrderBy(g => g.Key).Select(g => Share(g, s => s.Prompted)).ToList();
        var degenerate = scores.Count == 0
            ? 0
            : scores.Sum(s => (s.PromptedDegenerate ? 1 : 0) + (s.UnpromptedDegenerate ? 1 : 0)) / (2.0 * scores.Count);
        // Sorted, so the table and the JSON list 1, 2, ... 5 in order (a Dictionary's order is not guaranteed).
        var byFactsStated = new SortedDictionary<int, double>(facts.Where(s => s.FactsStated is not null)
            .GroupBy(s => s.FactsStated!.Value).ToDictionary(g => g.Key, g => Share(g, s => s.Prompted)));
        return new EvaluationReport(rows, Share(facts, s => s.Prompted), Share(facts, s => s.Unprompted), degenerate, byTurn)
        {
            FactRecallByFactsStated = byFactsStated,
        };
    }

    private static double Share(IEnumerable<Score> scores, Func<Score, bool> passed)
    {
        var list = scores as IReadOnlyCollection<Score> ?? scores.ToList();
        return list.Count == 0 ? 0 : list.Count(passed) / (double)list.Count;
    }

    private sealed record Score(
        string Behavior, int Turn, int? FactsStated, bool Prompted, bool Unprompted, bool PromptedDegenerate, bool UnpromptedDegenerate);
}
