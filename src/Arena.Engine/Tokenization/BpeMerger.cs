namespace Arena.Engine.Tokenization;

/// <summary>
/// The BPE merge loop over one word's symbols: repeatedly merge the adjacent pair with the best (lowest) rank,
/// equal ranks leftmost first. That tie rule is what both sentencepiece (highest score, leftmost) and Hugging
/// Face's tokenizers (lowest merge rank, leftmost) do; it decides how runs of one character split ("!!!!!!",
/// "aaaaaaaa", "----"), where every pair has the same rank. Symbols live in a linked list and candidate merges in
/// a heap of (rank, position), so a word of n symbols takes O(n log n).
/// </summary>
internal sealed class BpeMerger
{
    private readonly Dictionary<(int Left, int Right), (int Rank, int Merged)> _merges;

    /// <param name="merges">(left id, right id) → (rank, merged id); lower ranks merge first.</param>
    public BpeMerger(Dictionary<(int Left, int Right), (int Rank, int Merged)> merges)
    {
        _merges = merges;
    }

    /// <summary>Merges <paramref name="symbols"/> in place and appends the final ids to <paramref name="output"/>.</summary>
    public void Merge(List<int> symbols, List<int> output)
    {
        int count = symbols.Count;
        if (count < 2)
        {
            output.AddRange(symbols);
            return;
        }

        int[] id = symbols.ToArray();
        int[] prev = new int[count];
        int[] next = new int[count];
        bool[] gone = new bool[count];
        for (int i = 0; i < count; i++)
        {
            prev[i] = i - 1;
            next[i] = i + 1 < count ? i + 1 : -1;
        }

        // A position is a symbol's index in the original word, which keeps left-to-right order as symbols merge,
        // so "lowest position" is "leftmost".
        var queue = new PriorityQueue<(int Position, int Merged), (int Rank, int Position)>();
        for (int i = 0; i + 1 < count; i++)
        {
            Enqueue(queue, id, i, i + 1);
        }

        while (queue.TryDequeue(out (int Position, int Merged) candidate, out _))
        {
            int left = candidate.Position;
            int right = gone[left] ? -1 : next[left];
            if (right < 0 || !_merges.TryGetValue((id[left], id[right]), out var merge) || merge.Merged != candidate.Merged)
            {
                continue; // stale: one of its symbols has merged with something else since it was queued
            }

            id[left] = merge.Merged;
            gone[right] = true;
            next[left] = next[right];
            if (next[right] >= 0)
            {
                prev[next[right]] = left;
            }

            if (prev[left] >= 0)
            {
                Enqueue(queue, id, prev[left], left);
            }

            if (next[left] >= 0)
            {
                Enqueue(queue, id, left, next[left]);
            }
        }

        for (int i = 0; i >= 0; i = next[i])
        {
            output.Add(id[i]);
        }
    }

    private void Enqueue(PriorityQueue<(int, int), (int, int)> queue, int[] id, int left, int right)
    {
        if (_merges.TryGetValue((id[left], id[right]), out var merge))
        {
            queue.Enqueue((left, merge.Merged), (merge.Rank, left));
        }
    }
}
