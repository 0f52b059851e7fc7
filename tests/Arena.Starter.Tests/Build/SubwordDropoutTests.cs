using Arena.Engine.Tokenization;
using Arena.Starter.Training;
using Arena.Starter.Build;
using Arena.Starter.Tokenizer;
using Arena.Starter.World;

namespace Arena.Starter.Tests.Build;

public class SubwordDropoutTests
{
    sealed record World(BpeModel Bpe, TextTokenizer Tokenizer, IReadOnlyList<TrainingExample> Examples);

    static readonly Lazy<World> Tiny = new(() =>
    {
        var conversations = InstructionWorld.Generate(5, 3000);
        var bpe = new BpeTrainer(new BpeTrainerOptions { VocabSize = 1024 }).Train(conversations.Select(c => ChatMlFormatter.Format(c).Text));
        var dir = Directory.CreateTempSubdirectory("arena-dropout").FullName;
        TokenizerFiles.SaveAsync(bpe, dir, 512).GetAwaiter().GetResult();
        var tokenizer = TokenizerLoader.Load(dir);
        var tokenize = new ConversationTokenizer(tokenizer);
        return new World(bpe, tokenizer, [.. conversations.Select(tokenize.Tokenize)]);
    });

    [Fact]
    public void TheTextAndWhatIsTrainedOnStayTheSame()
    {
        var (bpe, tokenizer, examples) = Tiny.Value;
        var dropout = new SubwordDropout(bpe, 0.3);
        foreach (var (e, i) in examples.Take(200).Select((e, i) => (e, i)))
        {
            var split = dropout.Apply(e, new Random(i));
            Assert.Equal(tokenizer.Decode(e.Ids), tokenizer.Decode(split.Ids));
            Assert.Equal(split.Ids.Length, split.LossMask.Length);
            // The trained (assistant) text is the same text, only cut into more pieces.
            Assert.Equal(Trained(tokenizer, e), Trained(tokenizer, split));
        }
        var total = examples.Take(200).Sum(e => e.Length);
        var after = examples.Take(200).Select((e, i) => dropout.Apply(e, new Random(i)).Length).Sum();
        Assert.True(after > total * 1.1, $"{after} tokens after dropout 0.3, {total} before");
    }

    [Fact]
    public void EveryOccurrenceOfATokenInOneExampleIsSplitAlike()
    {
        // So a word copied from the prompt into the reply stays an exact copy in its new segmentation.
        var (bpe, _, _) = Tiny.Value;
        var merged = bpe.Vocab[bpe.Merges[^1].Left + bpe.Merges[^1].Right];  // the last merge: the deepest tree
        var dropout = new SubwordDropout(bpe, 0.5);
        for (var seed = 0; seed < 20; seed++)
        {
            var split = dropout.Apply(new TrainingExample([merged, merged, merged], [false, true, true]), new Random(seed));
            Assert.Equal(0, split.Length % 3);
            var n = split.Length / 3;
            Assert.Equal(split.Ids[..n], split.Ids[n..(2 * n)]);
            Assert.Equal(split.Ids[..n], split.Ids[(2 * n)..]);
            Assert.Equal([.. Enumerable.Repeat(false, n), .. Enumerable.Repeat(true, 2 * n)], split.LossMask);
        }
    }

    [Fact]
    public void RateZeroIsTheCanonicalTokenizationAndASeedGivesOneResult()
    {
        var (bpe, _, examples) = Tiny.Value;
        var e = examples[7];
        Assert.Same(e, new SubwordDropout(bpe, 0).Apply(e, new Random(1)));
        var dropout = new SubwordDropout(bpe, 0.2);
        Assert.Equal(dropout.Apply(e, new Random(3)).Ids, dropout.Apply(e, new Random(3)).Ids);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubwordDropout(bpe, 1.5));
    }

    [Fact]
    public void DropoutShowsTheModelTokensTheCanonicalDataNeverHolds()
    {
        var (bpe, _, examples) = Tiny.Value;
        var dropout = new SubwordDropout(bpe, 0.1);
        var canonical = dropout.UnseenMergedTokens(examples);
        var withDropout = dropout.UnseenMergedTokens(examples.Select((e, i) => dropout.Apply(e, new Random(i))));
        // Intermediate merges ("ck" on the way to "Ġrock") are never a token of the canonical data.
        Assert.True(canonical > 20, $"{canonical} unseen canonically");
        Assert.True(withDropout < canonical / 4, $"{withDropout} unseen with dropout, {canonical} without");
    }

    static string Trained(TextTokenizer tokenizer, TrainingExample e) =>
        tokenizer.Decode([.. e.Ids.Where((_, i) => e.LossMask[i])]);
}
