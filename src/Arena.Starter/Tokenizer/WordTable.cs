using System.Text;

namespace Arena.Starter.Tokenizer;

/// <summary>Unique pre-tokens as symbol-id sequences (ids 0–255 are bytes), with their frequencies.</summary>
internal sealed class WordTable
{
    public required List<int[]> Symbols { get; init; }
    public required List<long> Frequencies { get; init; }

    public static WordTable Count(IEnumerable<string> texts, IReadOnlyList<string> specialTokens, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var piece in Gpt2PreTokenizer.WithoutSpecialTokens(text, specialTokens))
                foreach (var m in Gpt2PreTokenizer.Regex().EnumerateMatches(piece))
                {
                    var word = piece.Substring(m.Index, m.Length);
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
        }
        // Sorted so that word indices, and everything derived from them, never depend on hash order.
        var ordered = counts.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return new WordTable
        {
            Symbols = [.. ordered.Select(p => Encoding.UTF8.GetBytes(p.Key).Select(b => (int)b).ToArray())],
            Frequencies = [.. ordered.Select(p => p.Value)],
        };
    }
}
