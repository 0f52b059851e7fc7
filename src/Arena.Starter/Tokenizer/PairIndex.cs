namespace Arena.Starter.Tokenizer;

/// <summary>
/// The adjacent-pair statistics behind <see cref="BpeTrainer"/>: how often each pair occurs (weighted by word
/// frequency), which words contain it, and a max-heap to find the best one. Heap entries are never removed
/// when a count drops; a popped entry whose count is out of date is pushed back with the current count
/// (counts only drop for existing pairs, so a stale entry always sits above its true position).
/// </summary>
internal sealed class PairIndex
{
    private readonly WordTable _words;
    private readonly Dictionary<long, long> _counts = [];
    private readonly Dictionary<long, HashSet<int>> _where = [];
    private readonly PriorityQueue<long, (long Count, long Pair)> _heap;

    public PairIndex(WordTable words, IReadOnlyList<string> tokens)
    {
        _words = words;
        _heap = new PriorityQueue<long, (long Count, long Pair)>(new BestFirst(tokens));
        for (var w = 0; w < words.Symbols.Count; w++) Add(w, +1);
        foreach (var (pair, count) in _counts) _heap.Enqueue(pair, (count, pair));
    }

    /// <summary>Pops the most frequent pair if it occurs at least <paramref name="minCount"/> times.</summary>
    public bool TryTakeBest(int minCount, out int left, out int right)
    {
        while (_heap.TryPeek(out var pair, out var entry))
        {
            var actual = _counts.GetValueOrDefault(pair);
            if (actual != entry.Count)
            {
                _heap.Dequeue();
                if (actual > 0) _heap.Enqueue(pair, (actual, pair));
                continue;
            }
            if (actual < minCount) break;
            _heap.Dequeue();
            (left, right) = Split(pair);
            return true;
        }
        left = right = -1;
        return false;
    }

    /// <summary>Rewrites every word containing (left, right) with <paramref name="merged"/> and updates the counts.</summary>
    public void Merge(int left, int right, int merged)
    {
        var pair = Key(left, right);
        if (!_where.Remove(pair, out var candidates)) return;
        var grown = new HashSet<long>();
        foreach (var w in candidates.Order()) // ordered only to keep the work deterministic; results do not depend on it
        {
            var symbols = _words.Symbols[w];
            if (!Contains(symbols, left, right)) continue; // a stale index entry
            Add(w, -1);
            _words.Symbols[w] = Replace(symbols, left, right, merged);
            Add(w, +1, merged, grown);
        }
        _counts.Remove(pair);
        foreach (var p in grown)
            if (_counts.TryGetValue(p, out var count) && count > 0) _heap.Enqueue(p, (count, p));
    }

    // Adds (sign +1) or removes (-1) the pairs of word w, weighted by its frequency. Only pairs with the new
    // token can end up more frequent than before a merge; those are recorded in grown to be pushed on the heap.
    private void Add(int w, int sign, int merged = -1, HashSet<long>? grown = null)
    {
        var symbols = _words.Symbols[w];
        var weight = sign * _words.Frequencies[w];
        for (var i = 0; i + 1 < symbols.Length; i++)
        {
            var pair = Key(symbols[i], symbols[i + 1]);
            _counts[pair] = _counts.GetValueOrDefault(pair) + weight;
            if (sign > 0)
            {
                if (!_where.TryGetValue(pair, out var set)) _where[pair] = set = [];
                set.Add(w);
                if (symbols[i] == merged || symbols[i + 1] == merged) grown?.Add(pair);
            }
        }
    }

    private static bool Contains(int[] symbols, int left, int right)
    {
        for (var i = 0; i + 1 < symbols.Length; i++)
            if (symbols[i] == left && symbols[i + 1] == right) return true;
        return false;
    }

    // Left-to-right, non-overlapping: "a a a" with (a, a) becomes "aa a", as in the reference implementations.
    private static int[] Replace(int[] symbols, int left, int right, int merged)
    {
        var result = new List<int>(symbols.Length);
        for (var i = 0; i < symbols.Length; i++)
        {
            if (i + 1 < symbols.Length && symbols[i] == left && symbols[i + 1] == right)
            {
                result.Add(merged);
                i++;
            }
            else result.Add(symbols[i]);
        }
        return [.. result];
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    private static (int Left, int Right) Split(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));

    // Higher count first; ties by the pair's text, left then right, ordinal.
    private sealed class BestFirst(IReadOnlyList<string> tokens) : IComparer<(long Count, long Pair)>
    {
        public int Compare((long Count, long Pair) x, (long Count, long Pair) y)
        {
            if (x.Count != y.Count) return y.Count.CompareTo(x.Count);
            var (xl, xr) = Split(x.Pair);
            var (yl, yr) = Split(y.Pair);
            var byLeft = string.CompareOrdinal(tokens[xl], tokens[yl]);
            return byLeft != 0 ? byLeft : string.CompareOrdinal(tokens[xr], tokens[yr]);
        }
    }
}
