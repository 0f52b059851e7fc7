using Arena.Starter.Tokenizer;

namespace Arena.Starter.Tests.Tokenizer;

public class ByteLevelAlphabetTests
{
    [Fact]
    public void AlphabetHas256DistinctSymbols() => Assert.Equal(256, ByteLevelAlphabet.Symbols.Distinct().Count());

    [Fact]
    public void AlphabetMatchesGpt2OnKnownBytes()
    {
        Assert.Equal('Ġ', ByteLevelAlphabet.Symbol((byte)' '));
        Assert.Equal('Ċ', ByteLevelAlphabet.Symbol((byte)'\n'));
        Assert.Equal('ĉ', ByteLevelAlphabet.Symbol((byte)'\t'));
        Assert.Equal('A', ByteLevelAlphabet.Symbol((byte)'A'));
        Assert.Equal('Ā', ByteLevelAlphabet.Symbol(0));
        Assert.Equal('Ń', ByteLevelAlphabet.Symbol(0xAD)); // the last non-printable byte gets the last extra symbol
    }

    [Fact]
    public void EncodeThenDecodeGivesTheSameBytes()
    {
        var text = "héllo wörld 🚀 東京\n\t";
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), ByteLevelAlphabet.Decode(ByteLevelAlphabet.Encode(text)));
    }

    [Fact]
    public void PreTokenizerFollowsTheGpt2Pattern() =>
        Assert.Equal(
            ["Hello", ",", " world", "'s", " 42", "  ", " cats", "!!", "\n"],
            Gpt2PreTokenizer.Split("Hello, world's 42   cats!!\n"));
}
