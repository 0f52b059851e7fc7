namespace Arena.Evaluation.Running;

/// <summary>
/// Remembers replies by what was asked (weights on or off, system prompt, conversation), so two runs over the same
/// questions write each reply once. Only for decoding that gives one reply per request (greedy, or one seed).
/// </summary>
public sealed class ReplyCache(IReplySource inner) : IReplySource
{
    readonly Dictionary<string, Reply> _replies = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct)
    {
        var keys = requests.Select(r => Key(adapted, r)).ToList();
        var missing = Enumerable.Range(0, requests.Count).Where(i => !_replies.ContainsKey(keys[i])).ToList();
        // Two equal requests in one call are written once as well.
        var unique = missing.DistinctBy(i => keys[i]).ToList();
        if (unique.Count > 0)
        {
            var written = await inner.WriteAsync(adapted, unique.Select(i => requests[i]).ToList(), ct);
            for (var j = 0; j < unique.Count; j++) _replies[keys[unique[j]]] = written[j];
        }
        return keys.Select(k => _replies[k]).ToList();
    }

    static string Key(bool adapted, ReplyRequest r) =>
        $"{adapted}\u0001{r.System ?? "\u0004"}\u0001{string.Join('\u0002', r.Turns.Select(t => $"{t.Role}\u0003{t.Content}"))}";
}
