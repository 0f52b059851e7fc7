using System.Text.Json.Nodes;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

public class TokenizerLoaderTests : IDisposable
{
    private static readonly TextTokenizer Fixture = TokenizerFixtures.Load(TokenizerFixtures.ChatMl);
    private static readonly int EndOfText = Fixture.TokenToId("<|endoftext|>")!.Value;
    private static readonly int ImStart = Fixture.TokenToId("<|im_start|>")!.Value;
    private static readonly int ImEnd = Fixture.TokenToId("<|im_end|>")!.Value;

    private readonly TempModelDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EosIdsAcceptASingleId()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("config.json", $$"""{"model_type": "qwen2", "eos_token_id": {{ImEnd}}}""");
        Assert.Equal([ImEnd], TokenizerLoader.Load(_dir.Path).EosIds);
    }

    [Fact]
    public void EosIdsAcceptAListAndMergeEverySource()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl)
            .Write("generation_config.json", $$"""{"eos_token_id": [{{ImEnd}}, {{EndOfText}}], "bos_token_id": null}""")
            .Write("config.json", $$"""{"eos_token_id": {{EndOfText}}}""")
            .Write("tokenizer_config.json", """{"eos_token": "<|im_start|>"}""");
        Assert.Equal([ImEnd, EndOfText, ImStart], TokenizerLoader.Load(_dir.Path).EosIds);
    }

    [Fact]
    public void BosAndPadComeFromTokenizerConfigTokens()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl)
            .Write("tokenizer_config.json", """
                {"bos_token": {"content": "<|endoftext|>", "lstrip": false, "special": true},
                 "pad_token": "<|im_end|>", "add_bos_token": true}
                """)
            .Write("config.json", """{"bos_token_id": 1, "pad_token_id": 2}""");
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(EndOfText, tokenizer.BosId);
        Assert.Equal(ImEnd, tokenizer.PadId);
        Assert.True(tokenizer.AddBos);
        Assert.Equal(EndOfText, tokenizer.Encode("hi", tokenizer.AddBos)[0]);
    }

    [Fact]
    public void IdsFromConfigAreUsedWhenTokenizerConfigNamesNone()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("config.json", $$"""{"bos_token_id": {{EndOfText}}, "pad_token_id": {{ImEnd}}}""");
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(EndOfText, tokenizer.BosId);
        Assert.Equal(ImEnd, tokenizer.PadId);
        Assert.False(tokenizer.AddBos);
    }

    [Fact]
    public void PostProcessorTemplateMeansBosIsAdded()
    {
        // Llama-3 prepends <|begin_of_text|> through TemplateProcessing instead of add_bos_token.
        WriteModifiedFixture(json => json["post_processor"] = JsonNode.Parse("""
            {"type": "Sequence", "processors": [
              {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
              {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<|endoftext|>", "type_id": 0}},
                                                        {"Sequence": {"id": "A", "type_id": 0}}]}]}
            """));
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(EndOfText, tokenizer.BosId);
        Assert.True(tokenizer.AddBos);
    }

    [Fact]
    public void WithoutConfigFilesEosFallsBackToEndOfTextAndChatComesFromVocabulary()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl);
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal([EndOfText], tokenizer.EosIds);
        Assert.Null(tokenizer.BosId);
        Assert.Null(tokenizer.PadId);
        Assert.Equal("chatml", tokenizer.Chat.Name);
        Assert.Equal([EndOfText, ImEnd], tokenizer.StopIds);
    }

    [Fact]
    public void NfcNormalizerComposesBeforeEncoding()
    {
        WriteModifiedFixture(json => json["normalizer"] = JsonNode.Parse("""{"type": "NFC"}"""));
        TextTokenizer tokenizer = TokenizerLoader.Load(_dir.Path);
        Assert.Equal(tokenizer.Encode("caf\u00e9"), tokenizer.Encode("cafe\u0301"));
    }

    [Fact]
    public void IgnoreMergesTakesWholeVocabularyEntries()
    {
        WriteModifiedFixture(json =>
        {
            json["model"]!["vocab"]!["Ġhi"] = 400; // no merge leads to it
            json["model"]!["ignore_merges"] = true;
        });
        Assert.Equal([400], TokenizerLoader.Load(_dir.Path).Encode(" hi"));
    }

    [Fact]
    public void ChatTemplateFileWinsOverTokenizerConfig()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.Gpt2)
            .Write("tokenizer_config.json", """{"chat_template": "{{ 'from tokenizer_config' }}"}""")
            .Write("chat_template.jinja", "{{ 'from chat_template.jinja' }}");
        ChatFormat chat = TokenizerLoader.Load(_dir.Path).Chat;
        Assert.Equal("from chat_template.jinja", chat.Render([ChatMessage.User("hi")]));
        Assert.StartsWith("chat_template.jinja", chat.Source);
    }

    [Fact]
    public void MissingFolderThrowsNamingIt()
    {
        string missing = _dir.File("nope");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(missing));
        Assert.Equal(missing, error.FilePath);
    }

    [Fact]
    public void MissingFolderMessageNamesOnlyTheModel()
    {
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.File("nope")));
        Assert.Equal("model nope: model folder does not exist", error.Message);
    }

    [Fact]
    public void MessageNamesTheFileInItsModelButNotTheFoldersAbove()
    {
        // The message becomes a bake's failure reason shown to users: no worker paths in it; FilePath keeps them.
        _dir.Write("tokenizer.json", "{oops");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.StartsWith($"tokenizer.json in model {Path.GetFileName(_dir.Path)}: ", error.Message);
        Assert.DoesNotContain(Path.GetDirectoryName(_dir.Path)!, error.Message);
        Assert.Equal(_dir.File("tokenizer.json"), error.FilePath);
        Assert.Equal(error.Message, $"tokenizer.json in model {Path.GetFileName(_dir.Path)}: {error.Problem}");
    }

    [Fact]
    public void FolderWithoutTokenizerFilesThrowsNamingTokenizerJson()
    {
        _dir.Write("config.json", "{}");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer.json"), error.FilePath);
        Assert.Contains("tokenizer.model", error.Message);
    }

    [Theory]
    [InlineData("tokenizer.json")]
    [InlineData("tokenizer_config.json")]
    [InlineData("config.json")]
    [InlineData("generation_config.json")]
    public void MalformedJsonThrowsNamingTheFile(string file)
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl);
        _dir.Write(file, "{\"model\": {\"type\": \"BPE\",\n  oops");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File(file), error.FilePath);
        Assert.Contains("malformed JSON", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("WordPiece")]
    [InlineData("Unigram")]
    public void UnsupportedModelTypeThrowsNamingFileAndType(string type)
    {
        _dir.Write("tokenizer.json", "{\"model\": {\"type\": \"" + type + "\", \"vocab\": {}}}");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer.json"), error.FilePath);
        Assert.Contains($"model.type '{type}'", error.Message);
    }

    [Fact]
    public void MergeOfUnknownTokensThrowsNamingTheFile()
    {
        WriteModifiedFixture(json => json["model"]!["merges"]!.AsArray().Add(new JsonArray("Ġzz", "q")));
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer.json"), error.FilePath);
    }

    [Fact]
    public void UnsupportedPreTokenizerThrowsWhenNoTokenizerModelExists()
    {
        WriteModifiedFixture(json => json["pre_tokenizer"] = JsonNode.Parse("""{"type": "BertPreTokenizer"}"""));
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Contains("BertPreTokenizer", error.Message);
    }

    [Fact]
    public void ConfigNamingAnUnknownTokenThrowsNamingTokenizerConfig()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("tokenizer_config.json", """{"eos_token": "<|eot_id|>"}""");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer_config.json"), error.FilePath);
        Assert.Contains("<|eot_id|>", error.Message);
    }

    [Fact]
    public void NonIntegerEosIdThrowsNamingTheFile()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("generation_config.json", """{"eos_token_id": "two"}""");
        var error = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("generation_config.json"), error.FilePath);
    }

    private void WriteModifiedFixture(Action<JsonNode> change)
    {
        JsonNode json = JsonNode.Parse(File.ReadAllText(TokenizerFixtures.TokenizerJson(TokenizerFixtures.ChatMl)))!;
        change(json);
        _dir.Write("tokenizer.json", json.ToJsonString());
    }
}
