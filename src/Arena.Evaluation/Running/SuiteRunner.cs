using Arena.Evaluation.Scoring;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Running;

/// <summary>
/// Runs a suite under conditions and scores the replies: the one evaluator behind <c>arena eval</c>, the report
/// card after a bake and the Evaluation tab. Conditions that share weights (base and prompted; model and
/// reprompted) are asked together, so one batch carries items of both. Requests go out in chunks, so progress is
/// reported and a cancellation lands between chunks; a cancelled run returns what it has, marked incomplete.
/// </summary>
public sealed class SuiteRunner(IReplySource source)
{
    /// <summary>Requests per call to the source: large enough to fill a batch, small enough to report progress.</summary>
    public int ChunkSize { get; init; } = 64;

    public async Task<EvaluationRun> RunAsync(
        Suite suite, IReadOnlyList<Condition> conditions, string? prompt, EvaluationSettings settings,
        IProgress<EvaluationProgress>? progress = null, CancellationToken ct = default)
    {
        if (conditions.Any(c => c.WithPrompt) && string.IsNullOrWhiteSpace(prompt))
            throw new SuiteException("a prompted condition needs a prompt");
        var replies = conditions.ToDictionary(c => c, _ => new Dictionary<string, Reply>(StringComparer.Ordinal));
        var total = conditions.Count * suite.Items.Count;
        var done = 0;
        progress?.Report(new EvaluationProgress(0, total));
        try
        {
            foreach (var group in conditions.GroupBy(c => c.Adapted))
            {
                var work = group.SelectMany(c => suite.Items.Select(i => (Condition: c, Item: i))).ToList();
                foreach (var chunk in work.Chunk(ChunkSize))
                {
                    ct.ThrowIfCancellationRequested();
                    var written = await source.WriteAsync(group.Key, chunk.Select(w => Request(w.Item, w.Condition, prompt)).ToList(), ct);
                    if (written.Count != chunk.Length) throw new InvalidOperationException($"the reply source wrote {written.Count} replies for {chunk.Length} requests");
                    for (var i = 0; i < chunk.Length; i++) replies[chunk[i].Condition][chunk[i].Item.Id] = written[i];
                    done += chunk.Length;
                    progress?.Report(new EvaluationProgress(done, total));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Kept, not thrown away: the scores so far are returned and say they are incomplete.
        }
        var scores = conditions.Select(c => new ConditionScore(c, Score(suite, replies[c]))).ToList();
        return new EvaluationRun(suite.Name, suite.Hash, conditions.Any(c => c.WithPrompt) ? prompt : null, settings, scores);
    }

    /// <summary>What a condition asks for an item: the condition's prompt comes before the item's own system prompt.</summary>
    public static ReplyRequest Request(SuiteItem item, Condition condition, string? prompt)
    {
        var system = condition.WithPrompt
            ? item.System is null ? prompt : $"{prompt}\n\n{item.System}"
            : item.System;
        return new ReplyRequest(system, item.Turns);
    }

    static SuiteScore Score(Suite suite, Dictionary<string, Reply> replies)
    {
        var items = suite.Items.Where(i => replies.ContainsKey(i.Id))
            .Select(i => replies[i.Id] is { Error: { } error } ? ResponseScorer.Unanswered(i, error) : ResponseScorer.Score(i, replies[i.Id].Text))
            .ToList();
        var missing = suite.Items.Where(i => !replies.ContainsKey(i.Id)).Select(i => i.Id).ToList();
        return new SuiteScore(suite.Name, suite.Hash, items, missing);
    }
}
