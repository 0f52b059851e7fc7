using Arena.Engine.Generation;
using Arena.Engine.Tokenization;
using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Starter.Build;

/// <summary>
/// Runs an <see cref="EvaluationSuite"/> against a model with batched generation: all probes' first turns in one
/// batch, then all second turns (whose history is the model's own first replies), and so on; the suite then scores
/// the replies exactly as if it had asked for them one by one.
/// </summary>
public static class BatchedEvaluation
{
    const int RowsPerBatch = 96;

    public static async Task<EvaluationReport> Run(EvaluationSuite suite, TextGenerator generator, TextTokenizer tokenizer, SamplingOptions options, CancellationToken ct = default)
    {
        var replies = new Dictionary<string, string>();
        var plays = suite.Probes
            .SelectMany(p => p.System is null ? new[] { (Probe: p, System: (string?)null) } : [(p, p.System), (p, null)])
            .Select(x => (x.Probe, x.System, Replies: new List<string>()))
            .ToList();
        var turns = plays.Max(p => p.Probe.UserTurns.Count);
        var context = generator.Model.Config.MaxPositionEmbeddings;
        for (int t = 0; t < turns; t++)
        {
            var pending = plays.Where(p => t < p.Probe.UserTurns.Count).ToList();
            var keys = pending.Select(p => ChatMlFormatter.FormatPrompt(p.System, p.Probe.UserTurns.Take(t + 1).ToList(), p.Replies)).ToList();
            for (int start = 0; start < pending.Count; start += RowsPerBatch)
            {
                var count = Math.Min(RowsPerBatch, pending.Count - start);
                var prompts = keys.Skip(start).Take(count).Select(k => tokenizer.Encode(k)).ToList();
                var texts = new string[count];
                var seeded = options with { Seed = (options.Seed ?? 0) + 7919 * t + start };
                // A late turn of a chatty model can outgrow the context: such rows get the room that is left (none:
                // an empty reply, which fails its checker) instead of stopping the whole evaluation.
                var fits = Enumerable.Range(0, count).Where(i => prompts[i].Length + options.MaxNewTokens <= context).ToList();
                if (fits.Count > 0)
                    await foreach (var d in generator.Complete([.. fits.Select(i => prompts[i])], seeded, ct))
                        texts[fits[d.Row]] += d.Text;
                foreach (var i in Enumerable.Range(0, count).Except(fits).Where(i => prompts[i].Length < context))
                    await foreach (var d in generator.Complete([prompts[i]], seeded with { MaxNewTokens = context - prompts[i].Length }, ct))
                        texts[i] += d.Text;
                for (int i = 0; i < count; i++)
                {
                    // Two plays can reach the same prompt (same system and question); the suite will ask once, so
                    // both continue from the first reply — batch position can change a greedy tie between them.
                    var reply = (texts[i] ?? "").Trim();
                    if (!replies.TryAdd(keys[start + i], reply)) reply = replies[keys[start + i]];
                    pending[start + i].Replies.Add(reply);
                }
            }
        }
        return await suite.RunAsync((system, users, assistants, _) =>
            ValueTask.FromResult(replies[ChatMlFormatter.FormatPrompt(system, users, assistants)]), ct);
    }
}
