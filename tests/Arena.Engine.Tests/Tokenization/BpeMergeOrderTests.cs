using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>
/// The merge rule itself, beyond the fixture strings: lowest rank first, equal ranks leftmost first, checked
/// against a plain O(n²) reading of that rule on runs of one character (where every pair ties) and on random text.
/// </summary>
public class BpeMergeOrderTests
{
    private static readonly char[] RunChars = ['!', 'a', '-', '.', '`', '='];

    /// <summary>A SentencePiece-style tokenizer.json: every run up to 8 of each character is a piece.</summary>
    private static TextTokenizer RunTokenizer()
    {
        var vocab = new Dictionary<string, int> { ["<unk>"] = 0, ["▁"] = 1 };
        var merges = new List<string[]>();
        foreach (char c in RunChars)
        {
            vocab[c.ToString()] = vocab.Count;
        }

        // Ranks as a converted sentencepiece model orders them: shorter runs first, then the longer ones from
        // several splits (cc+c and c+cc both make ccc), so ties and competing merges both occur.
        for (int length = 2; length <= 8; length++)
        {
            foreach (char c in RunChars)
            {
                string run = new(c, length);
                vocab[run] = vocab.Count;
                for (int left = length - 1; left >= 1; left--)
                {
                    if (vocab.ContainsKey(new string(c, left)) && vocab.ContainsKey(new string(c, length - left)))
                    {
                        merges.Add([new string(c, left), new string(c, length - left)]);
                    }
                }
            }
        }

        string json = JsonSerializer.Serialize(new
        {
            model = new { type = "BPE", unk_token = "<unk>", byte_fallback = false, vocab, merges },
            pre_tokenizer = new { type = "Metaspace", replacement = "▁", prepend_scheme = "never", split = false },
            decoder = new { type = "Fuse" },
        });
        using var dir = new TempModelDir();
        dir.Write("tokenizer.json", json);
        return TokenizerLoader.Load(dir.Path);
    }

    private static readonly Lazy<TextTokenizer> Runs = new(RunTokenizer);

    [Theory]
    [MemberData(nameof(RunCases))]
    public void RunsOfOneCharacterMergeLeftmostFirst(char c, int length)
    {
        TextTokenizer tokenizer = Runs.Value;
        string text = new(c, length);
        Assert.Equal(ReferenceMerge(tokenizer, text), tokenizer.Encode(text).Select(id => tokenizer.IdToToken(id)!).ToList());
    }

    public static TheoryData<char, int> RunCases()
    {
        var data = new TheoryData<char, int>();
        foreach (char c in RunChars)
        {
            for (int length = 1; length <= 40; length += length < 12 ? 1 : 7)
            {
                data.Add(c, length);
            }
        }

        return data;
    }

    [Fact]
    public void RandomMixesOfRunsMatchTheRule()
    {
        TextTokenizer tokenizer = Runs.Value;
        var random = new Random(25);
        for (int trial = 0; trial < 300; trial++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => RunChars[random.Next(3)]));
            Assert.Equal(ReferenceMerge(tokenizer, text), tokenizer.Encode(text).Select(id => tokenizer.IdToToken(id)!).ToList());
        }
    }

    /// <summary>The rule as written: find the best-ranked adjacent pair, leftmost among equals, merge, repeat.</summary>
    private static List<string> ReferenceMerge(TextTokenizer tokenizer, string text)
    {
        Dictionary<(string, string), int> ranks = RanksOf(tokenizer);
        var symbols = text.Select(ch => ch.ToString()).ToList();
        while (true)
        {
            int best = -1;
            int bestRank = int.MaxValue;
            for (int i = 0; i + 1 < symbols.Count; i++)
            {
                if (ranks.TryGetValue((symbols[i], symbols[i + 1]), out int rank) && rank < bestRank)
                {
                    (best, bestRank) = (i, rank);
                }
            }

            if (best < 0)
            {
                return symbols;
            }

            symbols[best] += symbols[best + 1];
            symbols.RemoveAt(best + 1);
        }
    }

    private static Dictionary<(string, string), int> RanksOf(TextTokenizer tokenizer)
    {
        var ranks = new Dictionary<(string, string), int>();
        int rank = 0;
        for (int length = 2; length <= 8; length++)
        {
            foreach (char c in RunChars)
            {
                for (int left = length - 1; left >= 1; left--)
                {
                    ranks.TryAdd((new string(c, left), new string(c, length - left)), rank);
                    rank++;
                }
            }
        }

        return ranks;
    }
}
