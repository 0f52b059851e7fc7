using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class ByteLevelAlphabetTests
{
    [Fact]
    public void EveryByteHasItsOwnCharacterAndMapsBack()
    {
        var seen = new HashSet<char>();
        for (int b = 0; b < 256; b++)
        {
            char c = ByteLevelAlphabet.ByteToChar((byte)b);
            Assert.True(seen.Add(c), $"byte {b} shares character {c}");
            Assert.True(ByteLevelAlphabet.TryCharToByte(c, out byte back));
            Assert.Equal(b, back);
            Assert.False(char.IsWhiteSpace(c) || char.IsControl(c), $"byte {b} maps to a blank character");
        }
    }

    [Fact]
    public void AlphabetMatchesGpt2ForKnownBytes()
    {
        Assert.Equal('Ġ', ByteLevelAlphabet.ByteToChar((byte)' '));
        Assert.Equal('Ċ', ByteLevelAlphabet.ByteToChar((byte)'\n'));
        Assert.Equal('ĉ', ByteLevelAlphabet.ByteToChar((byte)'\t'));
        Assert.Equal('A', ByteLevelAlphabet.ByteToChar((byte)'A'));
        Assert.Equal('Ā', ByteLevelAlphabet.ByteToChar(0));
        Assert.Equal('ł', ByteLevelAlphabet.ByteToChar(0xA0));
        Assert.Equal('Ń', ByteLevelAlphabet.ByteToChar(0xAD));
        Assert.Equal("ĠhÃ©", ByteLevelAlphabet.EncodeText(" hé"));
    }

    [Fact]
    public void DecodeReturnsRawBytesAndRejectsForeignCharacters()
    {
        Assert.True(ByteLevelAlphabet.TryDecode("ðŁĺĢ", out byte[] emoji));
        Assert.Equal("😀", Encoding.UTF8.GetString(emoji));
        Assert.False(ByteLevelAlphabet.TryDecode("▁x", out _));
    }

    [Fact]
    public void CodePointStandInsKeepTheirUnicodeCategory()
    {
        foreach (UnicodeCategory category in Enum.GetValues<UnicodeCategory>())
        {
            if (category != UnicodeCategory.Surrogate)
            {
                Assert.Equal(category, char.GetUnicodeCategory(CodePointRegex.StandIn(category)));
            }
        }
    }

    [Theory]
    [InlineData(ByteLevelPatterns.Llama3, "x😀abc", new[] { "x", "😀abc" })]
    [InlineData(ByteLevelPatterns.Llama3, "𝒜c d", new[] { "𝒜c", " d" })]
    [InlineData(ByteLevelPatterns.Gpt2, " 𝒜𝟙😀!", new[] { " 𝒜", "𝟙", "😀!" })]
    public void SplitTreatsCodePointsOutsideTheBmpAsOnigurumaDoes(string pattern, string text, string[] expected)
    {
        var regex = new CodePointRegex(new Regex(pattern));
        string[] pieces = regex.Matches(text).Select(m => text.Substring(m.Start, m.Length)).ToArray();
        Assert.Equal(expected, pieces);
    }
}
