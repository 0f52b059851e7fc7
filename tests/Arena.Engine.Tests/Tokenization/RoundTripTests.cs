using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class RoundTripTests
{
    public static TheoryData<string> ByteLevelFixtures() => [TokenizerFixtures.ChatMl, TokenizerFixtures.Gpt2];

    [Theory]
    [MemberData(nameof(ByteLevelFixtures))]
    public void EncodeDecodeRoundTripsArbitraryUtf8(string fixture)
    {
        TextTokenizer tokenizer = TokenizerFixtures.Load(fixture);
        foreach (string text in RandomText.Strings(seed: 1234, count: 500))
        {
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\n")]
    [InlineData("trailing spaces   ")]
    [InlineData("\u0000\u0001\u007f control bytes")]
    [InlineData("e\u0301\u0301\u0301 stacked marks")]
    [InlineData("👨‍👩‍👧‍👦 family, 🏳️‍🌈 flag")]
    [InlineData("漢字かなカナ한글")]
    public void EncodeDecodeRoundTripsEdgeCases(string text)
    {
        TextTokenizer tokenizer = TokenizerFixtures.Load(TokenizerFixtures.ChatMl);
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void SentencePieceRoundTripsArbitraryUtf8()
    {
        using var dir = new TempModelDir();
        dir.Write("tokenizer.model", SentencePieceModelBuilder.Build());
        TextTokenizer tokenizer = TokenizerLoader.Load(dir.Path);

        // "<" + ... could spell <s>; and SentencePiece writes spaces as ▁, so a literal ▁ would not come back.
        foreach (string text in RandomText.Strings(seed: 99, count: 300, allow: atom => !atom.Contains('<')))
        {
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        }
    }
}
