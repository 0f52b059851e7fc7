namespace Arena.Engine.Tokenization;

/// <summary>
/// The BPE merge list a sentencepiece model implies, as transformers' SentencePieceExtractor.extract builds it
/// when it converts tokenizer.model to tokenizer.json: every split of every piece into two halves that are both
/// pieces, splits of one piece ordered by the halves' ids, then all of them by the merged piece's score, highest
/// first, keeping that order among equal scores. This reproduces Mistral v0.3's tokenizer.json merges exactly.
/// </summary>
/// <remarks>
/// Newer transformers also breaks score ties by the halves' lengths; that only reorders the splits of one piece,
/// and the tokenizer.json files published with Llama-2 and Mistral were written by the score-only sort.
/// </remarks>
internal static class SentencePieceMerges
{
    public static List<(string Left, string Right)> Extract(IReadOnlyList<SentencePiece> pieces)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < pieces.Count; id++)
        {
            ids[pieces[id].Piece] = id;
        }

        var merges = new List<(string Left, string Right, float Score)>();
        var splits = new List<(string Left, string Right)>();
        foreach (SentencePiece piece in pieces)
        {
            splits.Clear();
            string text = piece.Piece;
            for (int at = 1; at < text.Length; at++)
            {
                // Python slices by code point: never between the two halves of a surrogate pair.
                if (char.IsLowSurrogate(text[at]))
                {
                    continue;
                }

                (string left, string right) = (text[..at], text[at..]);
                if (ids.ContainsKey(left) && ids.ContainsKey(right))
                {
                    splits.Add((left, right));
                }
            }

            merges.AddRange(splits
                .OrderBy(s => ids[s.Left]).ThenBy(s => ids[s.Right])
                .Select(s => (s.Left, s.Right, piece.Score)));
        }

        // OrderByDescending is stable, as Python's sorted(reverse=True) is.
        return merges.OrderByDescending(m => m.Score).Select(m => (m.Left, m.Right)).ToList();
    }
}
