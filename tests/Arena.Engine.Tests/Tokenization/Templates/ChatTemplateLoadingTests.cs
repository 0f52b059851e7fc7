using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization.Templates;

/// <summary>The loader renders a checkpoint's own template, says where the layout comes from, and fails loudly.</summary>
public class ChatTemplateLoadingTests : IDisposable
{
    private static readonly string MistralFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers", "mistral-v03");

    private readonly TempModelDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MistralV03RendersItsOwnTemplateAsHuggingFace()
    {
        TextTokenizer tokenizer = TokenizerLoader.Load(MistralFolder);
        Assert.Equal("template", tokenizer.Chat.Name);
        Assert.Equal("tokenizer_config.json (the checkpoint's chat template)", tokenizer.Chat.Source);
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(MistralFolder, "expected.json")));
        foreach (JsonElement chat in expected.RootElement.GetProperty("chats").EnumerateArray())
        {
            List<ChatMessage> messages = chat.GetProperty("messages").EnumerateArray()
                .Select(m => new ChatMessage(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToList();
            bool addGenerationPrompt = chat.GetProperty("add_generation_prompt").GetBoolean();
            Assert.Equal(chat.GetProperty("text").GetString(), tokenizer.Chat.Render(messages, addGenerationPrompt));
        }
    }

    [Fact]
    public void MistralV03SystemPromptGoesBeforeTheLastUserTurn()
    {
        TextTokenizer tokenizer = TokenizerLoader.Load(MistralFolder);
        string text = tokenizer.Chat.Render([ChatMessage.System("S"), ChatMessage.User("a"), ChatMessage.Assistant("b"), ChatMessage.User("c")]);
        Assert.Equal("<s>[INST] a[/INST] b</s>[INST] S\n\nc[/INST]", text);
        // The template writes <s>, so encoding adds no second one.
        int[] ids = tokenizer.EncodeChat([ChatMessage.User("a")]);
        Assert.Equal(1, ids.Count(id => id == tokenizer.BosId));
    }

    [Fact]
    public void NamedTemplateListUsesTheDefaultOne()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("tokenizer_config.json", """
            {"chat_template": [{"name": "tool_use", "template": "tools"}, {"name": "default", "template": "{{ messages[0].content }}!"}]}
            """);
        Assert.Equal("hi!", TokenizerLoader.Load(_dir.Path).Chat.Render([ChatMessage.User("hi")]));
    }

    [Fact]
    public void CheckpointWithoutTemplateUsesABuiltInFormatAndSaysSo()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("tokenizer_config.json", "{}");
        ChatFormat chat = TokenizerLoader.Load(_dir.Path).Chat;
        Assert.Equal("chatml", chat.Name);
        Assert.Equal("built-in chatml (no chat template in the checkpoint)", chat.Source);
    }

    [Theory]
    [InlineData("{% call foo() %}x{% endcall %}", "line 1: unsupported Jinja statement '{% call %}'")]
    [InlineData("{{ messages | wordcount }}", "line 1: unsupported Jinja filter 'wordcount'")]
    [InlineData("\n{% if messages is iterable2 %}{% endif %}", "line 2: unsupported Jinja test 'iterable2'")]
    [InlineData("{% for m in messages %}", "template ends before {% endfor %}")]
    public void UnsupportedOrBrokenTemplateFailsAtLoadNamingFileAndConstruct(string template, string problem)
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl).Write("tokenizer_config.json", JsonSerializer.Serialize(new { chat_template = template }));
        var e = Assert.Throws<TokenizerException>(() => TokenizerLoader.Load(_dir.Path));
        Assert.Equal(_dir.File("tokenizer_config.json"), e.FilePath);
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void RaiseExceptionFailsTheRenderNamingTheFile()
    {
        _dir.CopyTokenizerJson(TokenizerFixtures.ChatMl)
            .Write("chat_template.jinja", "{% if messages[0].role == 'system' %}\n{{ raise_exception('System role not supported') }}\n{% endif %}ok");
        ChatFormat chat = TokenizerLoader.Load(_dir.Path).Chat;
        Assert.Equal("ok", chat.Render([ChatMessage.User("hi")]));
        var e = Assert.Throws<TokenizerException>(() => chat.Render([ChatMessage.System("s")]));
        Assert.Equal(_dir.File("chat_template.jinja"), e.FilePath);
        Assert.Equal($"chat_template.jinja in model {Path.GetFileName(_dir.Path)}: chat template line 2 raised: System role not supported", e.Message);
    }

    [Fact]
    public void StarterTemplateRendersAsTheBuiltInChatMlItWasTrainedOn()
    {
        string starter = Path.Combine(RepoRoot(), "models", "starter");
        TextTokenizer tokenizer = TokenizerLoader.Load(starter);
        Assert.Equal("template", tokenizer.Chat.Name);
        Assert.Contains("<|im_end|>", tokenizer.Chat.StopStrings);
        List<ChatMessage>[] conversations =
        [
            [ChatMessage.User("Hi")],
            [ChatMessage.System("Be brief."), ChatMessage.User("Hi"), ChatMessage.Assistant("Hello!"), ChatMessage.User("Bye")],
        ];
        TextTokenizer builtIn = tokenizer.WithChat(ChatFormat.ChatMl);
        foreach (List<ChatMessage> conversation in conversations)
        {
            foreach (bool prompt in new[] { true, false })
            {
                Assert.Equal(ChatFormat.ChatMl.Render(conversation, prompt), tokenizer.Chat.Render(conversation, prompt));
                Assert.Equal(builtIn.EncodeChat(conversation, prompt), tokenizer.EncodeChat(conversation, prompt));
            }
        }

        Assert.Equal(builtIn.StopIds, tokenizer.StopIds);
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arena.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Arena.sln not found above the test binaries");
    }
}
