using System.Text;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class StreamingDecoderTests
{
    private static readonly TextTokenizer Tokenizer = TokenizerFixtures.Load(TokenizerFixtures.ChatMl);

    [Fact]
    public void DeltasConcatenateToFullDecode()
    {
        foreach (string text in RandomText.Strings(seed: 7, count: 300))
        {
            int[] ids = Tokenizer.Encode("<|im_start|>" + text + "<|im_end|>");
            Assert.Equal(Tokenizer.Decode(ids), Stream(Tokenizer, ids, skipSpecial: false));
            Assert.Equal(Tokenizer.Decode(ids, skipSpecial: true), Stream(Tokenizer, ids, skipSpecial: true));
        }
    }

    [Fact]
    public void CharacterSplitAcrossTokensIsHeldBackUntilComplete()
    {
        // The fixture has a token for 😀's first two bytes (F0 9F) only; the other two bytes are tokens of their own.
        int[] ids = Tokenizer.Encode("😀");
        Assert.Equal(3, ids.Length);
        StreamingDecoder decoder = Tokenizer.CreateStreamingDecoder();
        Assert.Equal("", decoder.Push(ids[0]));
        Assert.Equal("", decoder.Push(ids[1]));
        Assert.Equal("😀", decoder.Push(ids[2]));
        Assert.Equal("", decoder.Flush());
    }

    [Fact]
    public void NoDeltaEndsInsideACharacter()
    {
        int[] ids = Tokenizer.Encode("你好吗 😀👍🏽 ok");
        StreamingDecoder decoder = Tokenizer.CreateStreamingDecoder();
        foreach (int id in ids)
        {
            string delta = decoder.Push(id);
            Assert.DoesNotContain('\uFFFD', delta);
            Assert.False(delta.Length > 0 && char.IsHighSurrogate(delta[^1]), "delta ends in half a surrogate pair");
        }
    }

    [Fact]
    public void ArbitraryIdSequencesStreamLikeFullDecodeEvenWhenInvalidUtf8()
    {
        // Random byte tokens make broken UTF-8; both paths must replace it the same way.
        var random = new Random(5);
        for (int round = 0; round < 300; round++)
        {
            int[] ids = Enumerable.Range(0, random.Next(1, 20)).Select(_ => random.Next(0, Tokenizer.VocabSize)).ToArray();
            Assert.Equal(Tokenizer.Decode(ids), Stream(Tokenizer, ids, skipSpecial: false));
        }
    }

    [Fact]
    public void FlushTurnsAnUnfinishedCharacterIntoReplacement()
    {
        int[] ids = Tokenizer.Encode("😀");
        StreamingDecoder decoder = Tokenizer.CreateStreamingDecoder();
        Assert.Equal("", decoder.Push(ids[0]));
        Assert.Equal("\uFFFD", decoder.Flush());
        Assert.Equal("\uFFFD", Tokenizer.Decode([ids[0]]));
    }

    [Fact]
    public void SentencePieceStreamDropsOnlyTheLeadingSpace()
    {
        using var dir = new TempModelDir();
        dir.Write("tokenizer.model", SentencePieceModelBuilder.Build());
        TextTokenizer sp = TokenizerLoader.Load(dir.Path);
        foreach (string text in new[] { "hello world", "  hello", "é😀 world", "<s>hello</s> world" })
        {
            int[] ids = sp.Encode(text, addBos: true);
            Assert.Equal(sp.Decode(ids), Stream(sp, ids, skipSpecial: false));
            Assert.Equal(sp.Decode(ids, skipSpecial: true), Stream(sp, ids, skipSpecial: true));
        }
    }

    private static string Stream(TextTokenizer tokenizer, IEnumerable<int> ids, bool skipSpecial)
    {
        StreamingDecoder decoder = tokenizer.CreateStreamingDecoder(skipSpecial);
        var text = new StringBuilder();
        foreach (int id in ids)
        {
            text.Append(decoder.Push(id));
        }

        return text.Append(decoder.Flush()).ToString();
    }
}
