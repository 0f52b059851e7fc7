using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class TokenizerJsonWriterTests : IDisposable
{
    private readonly TempModelDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(TokenizerFixtures.Gpt2, null)]
    [InlineData(TokenizerFixtures.ChatMl, ByteLevelPatterns.Llama3)]
    public void WrittenFileLoadsAndEncodesLikeTheOriginal(string fixture, string? pattern)
    {
        (Dictionary<string, int> vocab, List<(string, string)> merges, List<AddedToken> added) = ReadFixture(fixture);
        TokenizerJsonWriter.Write(_dir.File("tokenizer.json"), vocab, merges, added, pattern);

        TextTokenizer written = TokenizerLoader.Load(_dir.Path);
        TextTokenizer original = TokenizerFixtures.Load(fixture);
        TextTokenizer inMemory = TextTokenizer.FromByteLevelBpe(vocab, merges, added, pattern);
        foreach (string text in RandomText.Strings(seed: 3, count: 200).Append("<|endoftext|>x"))
        {
            int[] expected = original.Encode(text);
            Assert.Equal(expected, written.Encode(text));
            Assert.Equal(expected, inMemory.Encode(text));
        }
    }

    [Fact]
    public void WrittenFileHasTheStandardHuggingFaceLayout()
    {
        var vocab = ByteVocab();
        vocab["Ġt"] = 256;
        TokenizerJsonWriter.Write(_dir.File("tokenizer.json"), vocab, [("Ġ", "t")], [new AddedToken(257, "<|endoftext|>")]);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(_dir.File("tokenizer.json")));
        JsonElement root = doc.RootElement;
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("normalizer").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("post_processor").ValueKind);
        Assert.Equal("ByteLevel", root.GetProperty("pre_tokenizer").GetProperty("type").GetString());
        Assert.False(root.GetProperty("pre_tokenizer").GetProperty("add_prefix_space").GetBoolean());
        Assert.Equal("ByteLevel", root.GetProperty("decoder").GetProperty("type").GetString());
        JsonElement added = root.GetProperty("added_tokens")[0];
        Assert.Equal(257, added.GetProperty("id").GetInt32());
        Assert.True(added.GetProperty("special").GetBoolean());
        JsonElement model = root.GetProperty("model");
        Assert.Equal("BPE", model.GetProperty("type").GetString());
        Assert.Equal(256, model.GetProperty("vocab").GetProperty("Ġt").GetInt32());
        Assert.Equal(["Ġ", "t"], model.GetProperty("merges")[0].EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("\"Ġt\"", File.ReadAllText(_dir.File("tokenizer.json"))); // readable, not \u0120
    }

    [Fact]
    public void MinimalStandardTokenizerJsonLoads()
    {
        // The shape a GPT-2 style trainer writes, with only the fields the format requires.
        string vocab = "{" + string.Join(", ", ByteVocab().Select(e => $"{JsonSerializer.Serialize(e.Key)}: {e.Value}")) + ", \"Ġt\": 256}";
        _dir.Write("tokenizer.json", $$$"""
            {"version": "1.0", "added_tokens": [{"id": 257, "content": "<|im_end|>", "special": true}],
             "normalizer": null,
             "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
             "post_processor": null,
             "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
             "model": {"type": "BPE", "vocab": {{{vocab}}}, "merges": ["Ġ t"]}}
            """);
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal([(int)'a', 256, 257], tokenizer.Encode("a t<|im_end|>"));
        Assert.Equal(258, tokenizer.VocabSize);
    }

    [Fact]
    public void WriterRejectsMergesOfMissingTokensAndRepeatedIds()
    {
        Dictionary<string, int> vocab = ByteVocab();
        Assert.Throws<ArgumentException>(() => TokenizerJsonWriter.Write(_dir.File("a.json"), vocab, [("Ġ", "t")], []));
        Assert.Throws<ArgumentException>(() => TokenizerJsonWriter.Write(_dir.File("b.json"), vocab, [], [new AddedToken(5, "<x>")]));
        vocab["dup"] = 7;
        Assert.Throws<ArgumentException>(() => TokenizerJsonWriter.Write(_dir.File("c.json"), vocab, [], []));
    }

    private static Dictionary<string, int> ByteVocab() =>
        Enumerable.Range(0, 256).ToDictionary(b => ByteLevelAlphabet.ByteToChar((byte)b).ToString(), b => b);

    private static (Dictionary<string, int>, List<(string, string)>, List<AddedToken>) ReadFixture(string fixture)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(TokenizerFixtures.TokenizerJson(fixture)));
        JsonElement model = doc.RootElement.GetProperty("model");
        var vocab = model.GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var merges = model.GetProperty("merges").EnumerateArray()
            .Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()!.Split(' ') : m.EnumerateArray().Select(x => x.GetString()!).ToArray())
            .Select(pair => (pair[0], pair[1]))
            .ToList();
        var added = doc.RootElement.GetProperty("added_tokens").EnumerateArray()
            .Select(t => new AddedToken(
                t.GetProperty("id").GetInt32(),
                t.GetProperty("content").GetString()!,
                t.GetProperty("special").GetBoolean(),
                t.GetProperty("lstrip").GetBoolean(),
                t.GetProperty("rstrip").GetBoolean()))
            .ToList();
        return (vocab, merges, added);
    }
}
