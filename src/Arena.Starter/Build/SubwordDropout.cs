using Arena.Starter.Training;
using Arena.Starter.Tokenizer;

namespace Arena.Starter.Build;

/// <summary>
/// BPE-dropout for the training data (Provilkov et al., 2020), done on token ids: a token made by a merge is written as
/// the two tokens it was merged from, recursively, so the text is the same and its segmentation is not the canonical one.
///
/// Why: a byte-level BPE keeps every merge's result in its vocabulary, but a token that is only ever a step towards a
/// longer one ("ck" inside "Ġrock", "igh" inside "Ġlight") never occurs in the canonically tokenized corpus. The shipped
/// starter (h1) had 750 of its 4,096 tokens so: their tied embeddings never received an input gradient and all drifted
/// to one vector (pairwise cosine 0.9996), so the model can neither tell them apart nor write them. Held-out words are
/// made of exactly such pieces ("Ġham m o ck", "Ġl igh th ouse"), which is why the required word broke on its last
/// piece ("hammo") and echo broke on English words. With dropout every intermediate token occurs in training.
///
/// The choice is made per token id and per conversation, not per occurrence: every occurrence of a token in one
/// conversation is split alike, so a word copied from the prompt into the reply stays an exact copy in its new
/// segmentation, and the copy circuit learns to copy the pieces themselves.
/// </summary>
public sealed class SubwordDropout
{
    readonly (int Left, int Right)?[] parents;
    readonly double rate;

    /// <param name="bpe">The trained tokenizer: token 256 + i is the result of merge i.</param>
    /// <param name="rate">The chance that a token (at any depth) is written as its two parts in a conversation.</param>
    public SubwordDropout(BpeModel bpe, double rate)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "a rate in [0, 1]");
        this.rate = rate;
        parents = new (int, int)?[bpe.Tokens.Count];
        for (var i = 0; i < bpe.Merges.Count; i++)
        {
            var (left, right) = bpe.Merges[i];
            parents[bpe.Vocab[left + right]] = (bpe.Vocab[left], bpe.Vocab[right]);
        }
    }

    /// <summary>The example with some of its merged tokens split (the loss mask follows each token into its parts).</summary>
    public TrainingExample Apply(TrainingExample example, Random rng)
    {
        if (rate == 0) return example;
        var split = new Dictionary<int, bool>();
        var ids = new List<int>(example.Length + example.Length / 4);
        var mask = new List<bool>(ids.Capacity);
        for (var i = 0; i < example.Length; i++) Write(example.Ids[i], example.LossMask[i]);
        return new TrainingExample([.. ids], [.. mask]);

        void Write(int id, bool trained)
        {
            if ((uint)id < (uint)parents.Length && parents[id] is var (left, right) && Splits(id))
            {
                Write(left, trained);
                Write(right, trained);
                return;
            }
            ids.Add(id);
            mask.Add(trained);
        }

        bool Splits(int id)
        {
            if (!split.TryGetValue(id, out var yes)) split[id] = yes = rng.NextDouble() < rate;
            return yes;
        }
    }

    /// <summary>
    /// How many of the tokenizer's merged tokens (ids 256 and up, specials aside) occur in none of
    /// <paramref name="examples"/>. Byte tokens are left out: most bytes never occur in English text, and no merge can
    /// show them.
    /// </summary>
    public int UnseenMergedTokens(IEnumerable<TrainingExample> examples)
    {
        var seen = new bool[parents.Length];
        foreach (var e in examples)
            foreach (var id in e.Ids)
                if ((uint)id < (uint)seen.Length) seen[id] = true;
        return Enumerable.Range(0, parents.Length).Count(id => parents[id] is not null && !seen[id]);
    }
}
