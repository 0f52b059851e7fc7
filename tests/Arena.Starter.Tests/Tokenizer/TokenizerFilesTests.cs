using System.Text;
using System.Text.Json;
using Arena.Starter.Tokenizer;
using Arena.Starter.World;
using Arena.Testing;

namespace Arena.Starter.Tests.Tokenizer;

public class TokenizerFilesTests
{
    private static readonly Lazy<BpeModel> Model = new(() =>
        new BpeTrainer(new BpeTrainerOptions { VocabSize = 1024 })
            .Train(InstructionWorld.Generate(5, 3000).Select(c => ChatMlFormatter.Format(c).Text)));

    private static readonly Lazy<HuggingFaceTokenizer> Loaded = new(() => HuggingFaceTokenizer.Parse(TokenizerFiles.TokenizerJson(Model.Value)));

    public static TheoryData<string> Texts =>
    [
        "What sound does a cow make?",
        "Emoji 🚀🧪👩‍👩‍👧 and flags 🇫🇷!",
        "CJK 東京都 한국어 日本語のテキスト",
        "Whitespace   runs\t\ttabs\n\n\nnewlines \n trailing   ",
        "  leading spaces",
        "Contractions: it's, we're, I'll, they'd, you've.",
        "Mixed: naïve café — “quotes” ½ ∑ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "\u0000\u0001 control \u007f bytes",
        "",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void MlTokenizersRoundTripsArbitraryText(string text) =>
        Assert.Equal(text, Loaded.Value.Ml.Decode(Loaded.Value.Ml.EncodeToIds(text)));

    [Fact]
    public void MlTokenizersRoundTripsRandomStrings()
    {
        var rng = new Random(1234);
        for (var n = 0; n < 300; n++)
        {
            var text = RandomText(rng, rng.Next(1, 60));
            Assert.Equal(text, Loaded.Value.Ml.Decode(Loaded.Value.Ml.EncodeToIds(text)));
        }
    }

    [Fact]
    public void MlTokenizersAppliesTheMergesInRankOrder()
    {
        foreach (var c in InstructionWorld.Generate(6, 50, Split.HeldOut))
        {
            var text = string.Join("\n", c.Turns.Select(t => t.User + " " + t.Assistant));
            Assert.Equal(Loaded.Value.ReferenceEncode(text), Loaded.Value.Ml.EncodeToIds(text));
        }
    }

    [Fact]
    public void ChatMlMarkersEncodeAsSingleSpecialTokens()
    {
        var doc = ChatMlFormatter.Format(InstructionWorld.Generate(7, 1)[0]);
        var ids = Loaded.Value.Ml.EncodeToIds(doc.Text);
        Assert.Equal(Model.Value.Id(SpecialTokens.ImStart), ids[0]);
        Assert.Equal(doc.Text.Split(SpecialTokens.ImEnd).Length - 1, ids.Count(i => i == Model.Value.Id(SpecialTokens.ImEnd)));
        Assert.Equal(doc.Text, Loaded.Value.Ml.Decode(ids));
    }

    [Fact]
    public void TrainedTokenizerCompressesWorldText()
    {
        var text = string.Join("\n", InstructionWorld.Generate(8, 200, Split.HeldOut).Select(c => ChatMlFormatter.Format(c).Text));
        Assert.True(Encoding.UTF8.GetByteCount(text) > 3 * Loaded.Value.Ml.EncodeToIds(text).Count);
    }

    [Fact]
    public void SameInputGivesIdenticalFileBytes()
    {
        var texts = InstructionWorld.Generate(9, 500).Select(c => ChatMlFormatter.Format(c).Text).ToList();
        var a = new BpeTrainer(new BpeTrainerOptions { VocabSize = 700 }).Train(texts);
        var b = new BpeTrainer(new BpeTrainerOptions { VocabSize = 700 }).Train(texts);
        Assert.Equal(TokenizerFiles.TokenizerJson(a), TokenizerFiles.TokenizerJson(b));
        Assert.Equal(TokenizerFiles.TokenizerConfigJson(a), TokenizerFiles.TokenizerConfigJson(b));
    }

    [Fact]
    public void TokenizerJsonHasTheHuggingFaceLayout()
    {
        using var doc = JsonDocument.Parse(TokenizerFiles.TokenizerJson(Model.Value));
        var root = doc.RootElement;
        Assert.Equal(
            ["version", "truncation", "padding", "added_tokens", "normalizer", "pre_tokenizer", "post_processor", "decoder", "model"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ByteLevel", root.GetProperty("pre_tokenizer").GetProperty("type").GetString());
        Assert.False(root.GetProperty("pre_tokenizer").GetProperty("add_prefix_space").GetBoolean());
        Assert.Equal("BPE", root.GetProperty("model").GetProperty("type").GetString());
        Assert.Equal(1024, root.GetProperty("model").GetProperty("vocab").EnumerateObject().Count());
        var added = root.GetProperty("added_tokens").EnumerateArray().ToList();
        Assert.Equal(SpecialTokens.All, added.Select(t => t.GetProperty("content").GetString()));
        Assert.All(added, t => Assert.True(t.GetProperty("special").GetBoolean()));
    }

    [Fact]
    public void TokenizerConfigNamesTheSpecialTokensAndTheChatTemplate()
    {
        using var doc = JsonDocument.Parse(TokenizerFiles.TokenizerConfigJson(Model.Value));
        var root = doc.RootElement;
        Assert.Equal("<|im_end|>", root.GetProperty("eos_token").GetString());
        Assert.Equal("<|endoftext|>", root.GetProperty("pad_token").GetString());
        Assert.Equal("<|endoftext|>", root.GetProperty("bos_token").GetString());
        Assert.Equal(TokenizerFiles.ChatTemplate, root.GetProperty("chat_template").GetString());
        Assert.Equal(3, root.GetProperty("added_tokens_decoder").EnumerateObject().Count());
    }

    [Fact]
    public void TheShippedStarterFilesAreWhatTheWriterWritesForTheirModel()
    {
        // Read the BPE back out of models/starter and write it again: the same bytes, so the shipped model and a rebuild
        // agree on every id, merge and setting.
        var json = File.ReadAllBytes(Path.Combine(RepoPaths.Starter, "tokenizer.json"));
        using var doc = JsonDocument.Parse(json);
        var model = doc.RootElement.GetProperty("model");
        var shipped = new BpeModel(
            [.. model.GetProperty("vocab").EnumerateObject().OrderBy(p => p.Value.GetInt32()).Select(p => p.Name)],
            [.. model.GetProperty("merges").EnumerateArray().Select(m => (m[0].GetString()!, m[1].GetString()!))],
            [.. doc.RootElement.GetProperty("added_tokens").EnumerateArray().Select(t => t.GetProperty("content").GetString()!)]);
        Assert.Equal(json, TokenizerFiles.TokenizerJson(shipped));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Starter, "tokenizer_config.json")), TokenizerFiles.TokenizerConfigJson(shipped, modelMaxLength: 512));
    }

    [Fact]
    public async Task SaveWritesBothFiles()
    {
        var dir = Path.Combine(Path.GetTempPath(), "arena-starter-tok-" + Guid.NewGuid().ToString("N"));
        try
        {
            await TokenizerFiles.SaveAsync(Model.Value, dir);
            Assert.Equal(TokenizerFiles.TokenizerJson(Model.Value), await File.ReadAllBytesAsync(Path.Combine(dir, "tokenizer.json")));
            Assert.True(File.Exists(Path.Combine(dir, "tokenizer_config.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Any Unicode scalar value, weighted towards ASCII, whitespace and multi-byte scripts.
    private static string RandomText(Random rng, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var cp = rng.Next(6) switch
            {
                0 => rng.Next(0x20, 0x7F),
                1 => " \t\n\r"[rng.Next(4)],
                2 => rng.Next(0x80, 0x800),
                3 => rng.Next(0x4E00, 0x9FFF),
                4 => rng.Next(0x1F300, 0x1FAFF),
                _ => rng.Next(0, 0x110000),
            };
            if (cp is >= 0xD800 and <= 0xDFFF) cp = 'x'; // surrogates are not scalar values
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }
}
