using System.Text;
using Arena.Engine.Tokenization;

namespace Arena.Starter.Tokenizer;

/// <summary>Unique pre-tokens as symbol-id sequences (ids 0–255 are bytes), with their frequencies.</summary>
internal sealed class WordTable
{
    public required List<int[]> Symbols { get; init; }
    public required List<long> Frequencies { get; init; }

    /// <summary>
    /// The pieces of <paramref name="text"/> between occurrences of <paramref name="specialTokens"/>, which are
    /// dropped: training must not learn merges across or inside them.
    /// </summary>
    public static IEnumerable<string> WithoutSpecialTokens(string text, IReadOnlyList<string> specialTokens) =>
        specialTokens.Count == 0 ? [text] : text.Split([.. specialTokens], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The GPT-2 pre-tokens (<see cref="ByteLevelPatterns.Gpt2"/>, as the tokenizer.json's ByteLevel pre-tokenizer
    /// splits) of <paramref name="texts"/> and their counts; special tokens are cut out first and never split.
    /// </summary>
    public static WordTable Count(IEnumerable<string> texts, IReadOnlyList<string> specialTokens, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var piece in WithoutSpecialTokens(text, specialTokens))
                foreach (var m in ByteLevelPatterns.Gpt2Regex().EnumerateMatches(piece))
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
