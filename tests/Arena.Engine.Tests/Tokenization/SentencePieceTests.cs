using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class SentencePieceTests : IDisposable
{
    private readonly TempModelDir _dir = new();

    public SentencePieceTests()
    {
        _dir.Write("tokenizer.model", SentencePieceModelBuilder.Build());
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadsTokenizerModelWithItsControlTokens()
    {
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal("SentencePiece", tokenizer.Kind);
        Assert.Equal(SentencePieceModelBuilder.FirstPiece + SentencePieceModelBuilder.Pieces.Length, tokenizer.VocabSize);
        Assert.Equal(SentencePieceModelBuilder.Bos, tokenizer.BosId);
        Assert.Equal([SentencePieceModelBuilder.Eos], tokenizer.EosIds);
        Assert.True(tokenizer.AddBos);
        Assert.True(tokenizer.IsSpecial(SentencePieceModelBuilder.Bos));
        Assert.False(tokenizer.IsSpecial(tokenizer.TokenToId("▁hello")!.Value));
    }

    [Fact]
    public void EncodesWordsWithTheDummyPrefix()
    {
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        int[] ids = tokenizer.Encode("hello world", addBos: true);
        Assert.Equal(["<s>", "▁hello", "▁world"], ids.Select(id => tokenizer.IdToToken(id)));
        Assert.Equal("hello world", tokenizer.Decode(ids, skipSpecial: true));
        Assert.Equal("<s> hello world", tokenizer.Decode(ids));
    }

    [Fact]
    public void UnknownCharactersFallBackToBytes()
    {
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        int[] ids = tokenizer.Encode("hé");
        Assert.Equal(["▁h", "<0xC3>", "<0xA9>"], ids.Select(id => tokenizer.IdToToken(id)));
        Assert.Equal("hé", tokenizer.Decode(ids));
    }

    [Fact]
    public void ControlTokensInTextEncodeAsSingleIds()
    {
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        int[] ids = tokenizer.Encode("<s>hello</s>");
        Assert.Equal([SentencePieceModelBuilder.Bos, tokenizer.TokenToId("▁hello")!.Value, SentencePieceModelBuilder.Eos], ids);
    }

    [Fact]
    public void AddedTokensFromTokenizerConfigExtendTheVocabulary()
    {
        int next = SentencePieceModelBuilder.FirstPiece + SentencePieceModelBuilder.Pieces.Length;
        _dir.Write("tokenizer_config.json", $$$"""
            {"added_tokens_decoder": {"{{{next}}}": {"content": "<|im_start|>", "special": true}},
             "chat_template": "{% for m in messages %}<|im_start|>{{ m.role }}{% endfor %}"}
            """);
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(next + 1, tokenizer.VocabSize);
        Assert.Equal(next, tokenizer.Encode("<|im_start|>hello")[0]);
        // Like HF's legacy Llama tokenizer, text after an added token gets its own "▁" prefix, which decodes as a space.
        Assert.Equal("<|im_start|> hello", tokenizer.Decode(tokenizer.Encode("<|im_start|>hello")));
        Assert.Equal("template", tokenizer.Chat.Name);
        Assert.Equal("<|im_start|>user", tokenizer.Chat.Render([ChatMessage.User("hi")], addGenerationPrompt: false));
    }

    [Fact]
    public void NonLegacyConfigPutsTheSpaceMarkerOnlyAtTheStart()
    {
        // legacy: false, as Mistral v0.3 says: no "▁" after an added token, one at the start of the text.
        _dir.Write("tokenizer_config.json", """{"legacy": false}""");
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(["▁hello", "</s>", "w", "or", "ld"], tokenizer.Encode("hello</s>world").Select(id => tokenizer.IdToToken(id)));
        Assert.Equal(["</s>", "▁hello"], tokenizer.Encode("</s> hello").Select(id => tokenizer.IdToToken(id)));
    }

    [Fact]
    public void AddPrefixSpaceFalseLeavesTheTextWithoutMarker()
    {
        _dir.Write("tokenizer_config.json", """{"add_prefix_space": false}""");
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(["h", "e", "ll", "o", "▁world"], tokenizer.Encode("hello world").Select(id => tokenizer.IdToToken(id)));
        Assert.Equal("hello world", tokenizer.Decode(tokenizer.Encode("hello world")));
    }

    [Fact]
    public void UnigramTokenizerModelIsRefusedNamingTheFile()
    {
        _dir.Write("tokenizer.model", SentencePieceModelBuilder.Build(modelType: 1));
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer.model"), error.FilePath);
        Assert.Contains("UNIGRAM", error.Message);
    }

    [Fact]
    public void MalformedTokenizerModelThrowsNamingTheFile()
    {
        _dir.Write("tokenizer.model", "this is not a protobuf"u8.ToArray());
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer.model"), error.FilePath);
        Assert.StartsWith($"tokenizer.model in model {Path.GetFileName(_dir.Path)}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void EmptyTokenizerModelThrowsNamingTheFile()
    {
        _dir.Write("tokenizer.model", []);
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer.model"), error.FilePath);
    }

    [Fact]
    public void TokenizerJsonWinsOverTokenizerModel()
    {
        // As in Hugging Face: a Llama-2 folder's converted tokenizer.json (Metaspace + byte_fallback) is what is read.
        _dir.Write("tokenizer.json", """
            {"model": {"type": "BPE", "byte_fallback": true, "vocab": {"a": 0}, "merges": []},
             "pre_tokenizer": {"type": "Metaspace", "replacement": "▁"}}
            """);
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal("SentencePiece", tokenizer.Kind);
        Assert.Equal(1, tokenizer.VocabSize);
    }
}
