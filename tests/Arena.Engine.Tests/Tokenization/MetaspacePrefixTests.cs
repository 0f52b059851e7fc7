using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>Where a SentencePiece-style tokenizer.json puts "▁": as the file's pipeline and legacy say.</summary>
public class MetaspacePrefixTests : IDisposable
{
    private const string Model = """
        "model": {"type": "BPE", "unk_token": "<unk>", "byte_fallback": false,
                  "vocab": {"<unk>": 0, "<x>": 1, "▁": 2, "a": 3, "▁a": 4}, "merges": ["▁ a"]},
        "added_tokens": [{"id": 1, "content": "<x>", "special": true}],
        "decoder": {"type": "Sequence", "decoders": [{"type": "Replace", "pattern": {"String": "▁"}, "content": " "},
                    {"type": "ByteFallback"}, {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]}
        """;

    private readonly TempModelDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private TextTokenizer Load(string pipeline, string? tokenizerConfig = null)
    {
        _dir.Write("tokenizer.json", "{" + Model + "," + pipeline + "}");
        if (tokenizerConfig is not null)
        {
            _dir.Write("tokenizer_config.json", tokenizerConfig);
        }

        return TokenizerLoader.Load(_dir.Path);
    }

    private static string[] Tokens(TextTokenizer tokenizer, string text) =>
        tokenizer.Encode(text).Select(id => tokenizer.IdToToken(id)!).ToArray();

    [Fact]
    public void LegacyNormalizerPrependsToEverySegment()
    {
        TextTokenizer tokenizer = Load("""
            "normalizer": {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "▁"},
                           {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]}
            """);
        Assert.Equal(["▁a", "<x>", "▁a"], Tokens(tokenizer, "a<x>a"));
        Assert.Equal("a<x> a", tokenizer.Decode(tokenizer.Encode("a<x>a")));
    }

    [Fact]
    public void PrependSchemeFirstPrefixesOnlyTheStartOfTheText()
    {
        TextTokenizer tokenizer = Load("""
            "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "first", "split": false}
            """);
        Assert.Equal(["▁a", "<x>", "a"], Tokens(tokenizer, "a<x>a"));
        Assert.Equal(["<x>", "a"], Tokens(tokenizer, "<x>a"));
    }

    [Fact]
    public void PrependSchemeAlwaysPrefixesEverySegment()
    {
        TextTokenizer tokenizer = Load("""
            "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true}
            """);
        Assert.Equal(["▁a", "<x>", "▁a", "▁a"], Tokens(tokenizer, "a<x>a a"));
    }

    [Fact]
    public void NonLegacyPrefixesTheTextAndDropsTheLoneMarkerBeforeASpecialToken()
    {
        const string pipeline = """
            "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": false}
            """;
        TextTokenizer tokenizer = Load(pipeline, """{"legacy": false}""");
        Assert.Equal(["▁a", "<x>", "a"], Tokens(tokenizer, "a<x>a"));
        Assert.Equal(["<x>", "▁a"], Tokens(tokenizer, "<x> a"));
        Assert.Equal(["▁", "▁a"], Tokens(tokenizer, " a")); // sentencepiece: the text's own space stays
        Assert.Empty(Tokens(tokenizer, ""));

        TextTokenizer noPrefix = Load(pipeline, """{"legacy": false, "add_prefix_space": false}""");
        Assert.Equal(["a", "<x>", "a"], Tokens(noPrefix, "a<x>a"));
    }

    [Theory]
    [InlineData("\"normalizer\": {\"type\": \"Precompiled\", \"precompiled_charsmap\": \"\"}", "Precompiled")]
    [InlineData("\"pre_tokenizer\": {\"type\": \"Whitespace\"}", "Whitespace")]
    [InlineData("\"pre_tokenizer\": {\"type\": \"Metaspace\", \"prepend_scheme\": \"sometimes\"}", "sometimes")]
    public void UnknownPipelineStagesAreErrorsNamingFileAndConstruct(string pipeline, string construct)
    {
        var error = Assert.Throws<TokenizerException>(() => Load(pipeline));
        Assert.Equal(_dir.File("tokenizer.json"), error.FilePath);
        Assert.Contains(construct, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void UnknownModelTypeIsAnErrorEvenWithATokenizerModelBeside()
    {
        _dir.Write("tokenizer.model", SentencePieceModelBuilder.Build());
        _dir.Write("tokenizer.json", """{"model": {"type": "Unigram", "vocab": []}}""");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Contains("Unigram", error.Message);
    }
}
