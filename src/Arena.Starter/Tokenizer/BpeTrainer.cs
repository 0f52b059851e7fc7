using Arena.Engine.Tokenization;
namespace Arena.Starter.Tokenizer;

/// <summary>
/// Trains a GPT-2 style byte-level BPE. Text is pre-tokenized with the GPT-2 pattern and identical words are
/// counted once; then the most frequent adjacent pair is merged, again and again. Pair counts are kept up to
/// date incrementally (only the words containing the merged pair are revisited) and the best pair comes from a
/// max-heap with lazy deletion, so each merge costs about the size of the words it touches. Ties between equally
/// frequent pairs go to the lexicographically smallest (left, then right, ordinal), which makes the result a
/// pure function of the input.
/// </summary>
public sealed class BpeTrainer(BpeTrainerOptions options)
{
    /// <summary>A trainer with default options.</summary>
    public BpeTrainer() : this(new BpeTrainerOptions()) { }

    /// <summary>Trains on <paramref name="texts"/> (special tokens inside them are cut out, never learned).</summary>
    public BpeModel Train(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        var targetMerges = options.VocabSize - 256 - options.SpecialTokens.Count;
        if (targetMerges < 0)
            throw new ArgumentException("VocabSize must leave room for the 256 byte symbols and the special tokens.", nameof(options));

        var tokens = Enumerable.Range(0, 256).Select(b => ByteLevelAlphabet.ByteToChar((byte)b).ToString()).ToList();
        var ids = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var words = WordTable.Count(texts, options.SpecialTokens, cancellationToken);
        var pairs = new PairIndex(words, tokens);
        var merges = new List<(string, string)>();

        while (merges.Count < targetMerges && pairs.TryTakeBest(options.MinFrequency, out var left, out var right))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var merged = tokens[left] + tokens[right];
            // Two different merges can spell the same token ("ab"+"c", "a"+"bc"); it keeps its first id.
            if (!ids.TryGetValue(merged, out var id))
            {
                id = tokens.Count;
                tokens.Add(merged);
                ids.Add(merged, id);
            }
            merges.Add((tokens[left], tokens[right]));
            pairs.Merge(left, right, id);
        }
        return new BpeModel([.. tokens, .. options.SpecialTokens], merges, options.SpecialTokens);
    }
}
