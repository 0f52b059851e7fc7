using Arena.Engine.Tokenization;
using System.Text.Json;
using Arena.Starter.Tokenizer;
using Microsoft.ML.Tokenizers;

namespace Arena.Starter.Tests.Tokenizer;

/// <summary>
/// Reads a tokenizer.json the way a consumer would (model.vocab, model.merges, added_tokens) and builds a
/// Microsoft.ML.Tokenizers BPE from it, plus a tiny rank-based reference encoder to compare ids against.
/// </summary>
internal sealed class HuggingFaceTokenizer
{
    private HuggingFaceTokenizer(Dictionary<string, int> vocab, List<(string, string)> merges, Dictionary<string, int> special)
    {
        Vocab = vocab;
        Merges = merges;
        Special = special;
        Ml = BpeTokenizer.Create(new BpeOptions(vocab)
        {
            Merges = merges.Select(m => $"{m.Item1} {m.Item2}"),
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(ByteLevelPatterns.Gpt2Regex(), special),
            SpecialTokens = special,
        });
    }

    public Dictionary<string, int> Vocab { get; }
    public List<(string Left, string Right)> Merges { get; }
    public Dictionary<string, int> Special { get; }
    public BpeTokenizer Ml { get; }

    public static HuggingFaceTokenizer Parse(byte[] tokenizerJson)
    {
        using var doc = JsonDocument.Parse(tokenizerJson);
        var model = doc.RootElement.GetProperty("model");
        var vocab = model.GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var merges = model.GetProperty("merges").EnumerateArray().Select(m => (m[0].GetString()!, m[1].GetString()!)).ToList();
        var special = doc.RootElement.GetProperty("added_tokens").EnumerateArray()
            .ToDictionary(t => t.GetProperty("content").GetString()!, t => t.GetProperty("id").GetInt32());
        return new HuggingFaceTokenizer(vocab, merges, special);
    }

    /// <summary>Reference BPE: per pre-token, repeatedly merge the adjacent pair of lowest merge rank.</summary>
    public List<int> ReferenceEncode(string text)
    {
        var ranks = Merges.Select((m, i) => (m, i)).GroupBy(p => p.m).ToDictionary(g => g.Key, g => g.First().i);
        var ids = new List<int>();
        foreach (var word in ByteLevelPatterns.Gpt2Regex().Matches(text).Select(m => m.Value))
        {
            var symbols = ByteLevelAlphabet.EncodeText(word).Select(c => c.ToString()).ToList();
            while (true)
            {
                var best = Enumerable.Range(0, symbols.Count - 1)
                    .Select(i => (i, rank: ranks.GetValueOrDefault((symbols[i], symbols[i + 1]), int.MaxValue)))
                    .DefaultIfEmpty((i: -1, rank: int.MaxValue))
                    .MinBy(p => p.rank);
                if (best.rank == int.MaxValue) break;
                symbols[best.i] += symbols[best.i + 1];
                symbols.RemoveAt(best.i + 1);
            }
            ids.AddRange(symbols.Select(s => Vocab[s]));
        }
        return ids;
    }
}
