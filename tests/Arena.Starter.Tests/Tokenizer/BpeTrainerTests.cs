using Arena.Engine.Tokenization;
using Arena.Starter.Tokenizer;
using Arena.Starter.World;

namespace Arena.Starter.Tests.Tokenizer;

public class BpeTrainerTests
{
    private static BpeModel Train(IEnumerable<string> texts, int vocabSize, int minFrequency = 2) =>
        new BpeTrainer(new BpeTrainerOptions { VocabSize = vocabSize, MinFrequency = minFrequency }).Train(texts);

    [Fact]
    public void FirstMergesAreTheMostFrequentPairsOfAToyCorpus()
    {
        // Pre-tokens: "ab" ×1, " ab" ×2, " cd" ×1. Pairs: (a,b) 3, (Ġ,a) 2, (Ġ,c) 1, (c,d) 1.
        var model = Train(["ab ab ab cd"], vocabSize: 300);
        Assert.Equal([("a", "b"), ("Ġ", "ab")], model.Merges); // then nothing reaches MinFrequency 2
        Assert.Equal(256 + 2 + 3, model.Tokens.Count);
    }

    [Fact]
    public void TiesGoToTheLexicographicallySmallestPair()
    {
        // After the two merges above, (Ġ,c) and (c,d) both occur once; "c" sorts before "Ġ".
        var model = Train(["ab ab ab cd"], vocabSize: 300, minFrequency: 1);
        Assert.Equal([("a", "b"), ("Ġ", "ab"), ("c", "d"), ("Ġ", "cd")], model.Merges);
    }

    [Fact]
    public void IncrementalCountsGiveTheSameMergesAsRecountingEveryStep()
    {
        var texts = InstructionWorld.Generate(1, 150).Select(c => ChatMlFormatter.Format(c).Text).ToList();
        var model = Train(texts, vocabSize: 256 + 3 + 150);
        Assert.Equal(NaiveMerges(texts, 150), model.Merges);
    }

    [Fact]
    public void SpecialTokensTakeTheLastIdsAndAreNeverLearned()
    {
        var texts = InstructionWorld.Generate(2, 300).Select(c => ChatMlFormatter.Format(c).Text);
        var model = Train(texts, vocabSize: 600);
        Assert.Equal(600, model.Tokens.Count);
        Assert.Equal([597, 598, 599], SpecialTokens.All.Select(model.Id));
        Assert.DoesNotContain(model.Tokens.Take(597), t => t.Contains("im_start") || t.Contains("im_end") || t.Contains("endoftext"));
    }

    [Fact]
    public void EveryMergeIsInTheVocabulary()
    {
        var model = Train(InstructionWorld.Generate(3, 300).Select(c => ChatMlFormatter.Format(c).Text), vocabSize: 800);
        Assert.All(model.Merges, m => Assert.Contains(m.Left + m.Right, model.Vocab.Keys));
        Assert.Equal(model.Tokens.Count, model.Vocab.Count);
    }

    [Fact]
    public void TrainsTheStartersFullVocabularyOnFiveMegabytes()
    {
        // The starter's size of job (~1 s on the 2-core dev machine, docs/benchmarks.md); speed is measured there, not here.
        var texts = InstructionWorld.Generate(4, 15_000).Select(c => ChatMlFormatter.Format(c).Text).ToList();
        Assert.True(texts.Sum(t => t.Length) > 5_000_000);
        var model = Train(texts, vocabSize: 4096);
        Assert.Equal(4096, model.Tokens.Count);
        Assert.Equal(model.Tokens.Count, model.Vocab.Count);
    }

    [Fact]
    public void VocabSizeTooSmallForTheBaseAlphabetIsRejected() =>
        Assert.Throws<ArgumentException>(() => Train(["x"], vocabSize: 100));

    // The textbook algorithm: recount every pair of every word before each merge.
    private static List<(string, string)> NaiveMerges(IEnumerable<string> texts, int count)
    {
        var words = texts
            .SelectMany(t => WordTable.WithoutSpecialTokens(t, SpecialTokens.All))
            .SelectMany(w => ByteLevelPatterns.Gpt2Regex().Matches(w).Select(m => m.Value))
            .GroupBy(w => w)
            .Select(g => (Symbols: ByteLevelAlphabet.EncodeText(g.Key).Select(c => c.ToString()).ToList(), Count: g.Count()))
            .ToList();
        var merges = new List<(string, string)>();
        for (var step = 0; step < count; step++)
        {
            var pairs = new Dictionary<(string, string), long>();
            foreach (var (symbols, n) in words)
                for (var i = 0; i + 1 < symbols.Count; i++)
                    pairs[(symbols[i], symbols[i + 1])] = pairs.GetValueOrDefault((symbols[i], symbols[i + 1])) + n;
            var best = pairs
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key.Item1, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
                .First();
            if (best.Value < 2) break;
            merges.Add(best.Key);
            foreach (var (symbols, _) in words)
                for (var i = 0; i + 1 < symbols.Count; i++)
                    if (symbols[i] == best.Key.Item1 && symbols[i + 1] == best.Key.Item2)
                    {
                        symbols[i] += symbols[i + 1];
                        symbols.RemoveAt(i + 1);
                    }
        }
        return merges;
    }
}
