using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class ByteLevelBpeEncodingTests
{
    private static readonly TextTokenizer ChatMl = TokenizerFixtures.Load(TokenizerFixtures.ChatMl);
    private static readonly TextTokenizer Gpt2 = TokenizerFixtures.Load(TokenizerFixtures.Gpt2);

    /// <summary>Every text of expected-encodings.json, made by Hugging Face's tokenizers.js from the same files.</summary>
    public static TheoryData<string, string, int[]> ReferenceEncodings()
    {
        var data = new TheoryData<string, string, int[]>();
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TokenizerFixtures.Folder, "expected-encodings.json")));
        foreach (JsonProperty fixture in doc.RootElement.EnumerateObject())
        {
            foreach (JsonElement entry in fixture.Value.EnumerateArray())
            {
                int[] ids = entry.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                data.Add(fixture.Name, entry.GetProperty("text").GetString()!, ids);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceEncodings))]
    public void EncodingMatchesHuggingFaceReference(string fixture, string text, int[] expected)
    {
        TextTokenizer tokenizer = fixture == TokenizerFixtures.ChatMl ? ChatMl : Gpt2;
        Assert.Equal(expected, tokenizer.Encode(text));
    }

    [Fact]
    public void KnownWordsEncodeToTheirMergedTokens()
    {
        Assert.Equal(Ids(ChatMl, "Hello", "Ġworld"), ChatMl.Encode("Hello world"));
        Assert.Equal(Ids(ChatMl, "hello", "Ġthe"), ChatMl.Encode("hello the"));
    }

    [Fact]
    public void EarlierMergeWinsOverLaterOne()
    {
        // "h e" is ranked before "e r", so "her" is he + r; without an h, "er" merges.
        Assert.Equal(Ids(ChatMl, "Ġ", "he", "r"), ChatMl.Encode(" her"));
        Assert.Equal(Ids(ChatMl, "Ġ", "er"), ChatMl.Encode(" er"));
    }

    [Fact]
    public void SpecialTokensEncodeAsOneIdAndDecodeBack()
    {
        int start = ChatMl.TokenToId("<|im_start|>")!.Value;
        int end = ChatMl.TokenToId("<|im_end|>")!.Value;
        int[] ids = ChatMl.Encode("<|im_start|>user\nhi<|im_end|>");
        Assert.Equal(start, ids[0]);
        Assert.Equal(end, ids[^1]);
        Assert.True(ChatMl.IsSpecial(start));
        Assert.Equal("<|im_start|>user\nhi<|im_end|>", ChatMl.Decode(ids));
        Assert.Equal("user\nhi", ChatMl.Decode(ids, skipSpecial: true));
    }

    [Fact]
    public void NonSpecialAddedTokenIsOneIdButKeptWhenSkippingSpecials()
    {
        int think = ChatMl.TokenToId("<think>")!.Value;
        int[] ids = ChatMl.Encode("a<think>b");
        Assert.Contains(think, ids);
        Assert.False(ChatMl.IsSpecial(think));
        Assert.Equal("a<think>b", ChatMl.Decode(ids, skipSpecial: true));
    }

    [Fact]
    public void AddedTokenWithLStripAbsorbsPrecedingSpace()
    {
        Assert.Equal(Ids(ChatMl, "x", "<mask>", "Ġ", "y"), ChatMl.Encode("x <mask> y"));
    }

    [Fact]
    public void AddedTokenInVocabularyDecodesAsItsText()
    {
        int eot = Gpt2.TokenToId("<|endoftext|>")!.Value;
        Assert.Equal([eot, eot], Gpt2.Encode("<|endoftext|><|endoftext|>"));
        Assert.Equal("<|endoftext|>", Gpt2.Decode([eot]));
    }

    [Fact]
    public void EncodeAddsBosOnlyWhenAsked()
    {
        int bos = ChatMl.TokenToId("<|endoftext|>")!.Value;
        TextTokenizer withBos = ChatMl.WithSpecialTokens(new SpecialTokenIds(bos, [], null, true));
        Assert.Equal([bos, .. withBos.Encode("hi")], withBos.Encode("hi", addBos: true));
        Assert.Throws<InvalidOperationException>(() => ChatMl.WithSpecialTokens(SpecialTokenIds.None).Encode("hi", addBos: true));
    }

    [Fact]
    public void DecodeIgnoresIdsOutsideTheVocabulary()
    {
        Assert.Equal("hi", ChatMl.Decode([ChatMl.TokenToId("h")!.Value, 1_000_000, -1, ChatMl.TokenToId("i")!.Value]));
    }

    [Fact]
    public void EmptyTextEncodesToNothing()
    {
        Assert.Empty(ChatMl.Encode(""));
        Assert.Equal("", ChatMl.Decode([]));
    }

    [Fact]
    public void ReportsKindAndVocabularySize()
    {
        Assert.Equal("byte-level BPE", ChatMl.Kind);
        Assert.Equal(ChatMl.AddedTokens.Max(t => t.Id) + 1, ChatMl.VocabSize);
    }

    [Fact]
    public void EncodingFromManyThreadsMatchesSequential()
    {
        string[] texts = RandomText.Strings(seed: 11, count: 400).ToArray();
        int[][] sequential = texts.Select(t => Gpt2.Encode(t)).ToArray();
        int[][] parallel = new int[texts.Length][];
        Parallel.For(0, texts.Length, i => parallel[i] = Gpt2.Encode(texts[i]));
        Assert.Equal(sequential, parallel);
    }

    private static int[] Ids(TextTokenizer tokenizer, params string[] tokens) =>
        tokens.Select(t => tokenizer.TokenToId(t) ?? throw new InvalidOperationException($"fixture lacks '{t}'")).ToArray();
}
