using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>
/// Expected strings are what @huggingface/jinja 0.5.11 renders from the templates below (our transcriptions of the
/// Qwen2, Llama-3, Llama-2 and Mistral-7B-Instruct-v0.1 chat templates); the Mistral system turn is our convention.
/// </summary>
public class ChatFormatTests
{
    private const string Qwen2Template =
        @"{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private const string Llama3Template =
        @"{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}";

    private const string Llama2Template =
        @"{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\n' + system_message + '\n<</SYS>>\n\n' + message['content'] %}{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";

    private const string MistralTemplate =
        @"{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}";

    private static readonly ChatMessage[] Conversation =
    [
        ChatMessage.System("You are terse."),
        ChatMessage.User("Hi"),
        ChatMessage.Assistant("Hello!"),
        ChatMessage.User("Bye"),
    ];

    [Fact]
    public void ChatMlRendersTurnsAndGenerationPrompt()
    {
        Assert.Equal(
            "<|im_start|>system\nYou are terse.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n",
            ChatFormat.ChatMl.Render(Conversation));
        Assert.Equal("<|im_start|>user\nHi<|im_end|>\n", ChatFormat.ChatMl.Render([ChatMessage.User("Hi")], addGenerationPrompt: false));
    }

    [Fact]
    public void ChatMlFromQwen2TemplateAddsItsDefaultSystemPrompt()
    {
        ChatFormat qwen = ChatFormat.Detect(Qwen2Template, "qwen2", null);
        Assert.Equal(
            "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
            qwen.Render([ChatMessage.User("Hi")]));
        Assert.StartsWith("<|im_start|>system\nYou are terse.<|im_end|>", qwen.Render(Conversation));
    }

    [Fact]
    public void Llama3RendersHeadersAndTrimsContent()
    {
        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are terse.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            ChatFormat.Llama3.Render(Conversation));
        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>",
            ChatFormat.Llama3.Render([ChatMessage.User("  Hi\n")], addGenerationPrompt: false));
    }

    [Fact]
    public void Llama2FoldsSystemIntoFirstUserTurn()
    {
        Assert.Equal(
            "<s>[INST] <<SYS>>\nYou are terse.\n<</SYS>>\n\nHi [/INST] Hello! </s><s>[INST] Bye [/INST]",
            ChatFormat.Llama2.Render(Conversation));
        Assert.Equal("<s>[INST] Hi [/INST] Hello! </s><s>[INST] Bye [/INST]", ChatFormat.Llama2.Render(Conversation[1..]));
    }

    [Fact]
    public void MistralPutsSystemBeforeFirstUserText()
    {
        Assert.Equal("<s>[INST] Hi [/INST]Hello!</s>[INST] Bye [/INST]", ChatFormat.Mistral.Render(Conversation[1..]));
        Assert.Equal(
            "<s>[INST] You are terse.\n\nHi [/INST]Hello!</s>[INST] Bye [/INST]",
            ChatFormat.Mistral.Render(Conversation));
    }

    [Fact]
    public void PlainWritesSystemPromptAsPrefixText()
    {
        Assert.Equal("You are terse.\n\nHi", ChatFormat.Plain.Render([ChatMessage.System("You are terse."), ChatMessage.User("Hi")]));
        Assert.Empty(ChatFormat.Plain.StopStrings);
    }

    [Fact]
    public void InstFormatsRejectTurnsOutOfOrder()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ChatFormat.Llama2.Render([ChatMessage.User("a"), ChatMessage.User("b")]));
        Assert.Contains("llama2", error.Message);
        Assert.Throws<ArgumentException>(() => ChatFormat.Mistral.Render([new ChatMessage("tool", "x")]));
    }

    [Fact]
    public void FormatsExposeTheirStopStrings()
    {
        Assert.Equal(["<|im_end|>"], ChatFormat.ChatMl.StopStrings);
        Assert.Equal(["<|eot_id|>"], ChatFormat.Llama3.StopStrings);
        Assert.Equal(["</s>"], ChatFormat.Llama2.StopStrings);
    }

    [Theory]
    [InlineData(Qwen2Template, "qwen2", "chatml")]
    [InlineData(Llama3Template, "llama", "llama3")]
    [InlineData(Llama2Template, "llama", "llama2")]
    [InlineData(MistralTemplate, "mistral", "mistral")]
    [InlineData(null, "gpt2", "plain")]
    public void DetectPicksFormatFromTemplate(string? template, string modelType, string expected)
    {
        Assert.Equal(expected, ChatFormat.Detect(template, modelType, null).Name);
    }

    [Fact]
    public void DetectFallsBackToAddedTokensWithoutTemplate()
    {
        Assert.Equal("chatml", ChatFormat.Detect(null, null, TokenizerFixtures.Load(TokenizerFixtures.ChatMl)).Name);
        Assert.Equal("plain", ChatFormat.Detect(null, null, TokenizerFixtures.Load(TokenizerFixtures.Gpt2)).Name);
        Assert.Equal("llama3", ChatFormat.Detect(null, "llama", WithAddedTokens("<|start_header_id|>")).Name);
        Assert.Equal("mistral", ChatFormat.Detect(null, "mistral", WithAddedTokens("[INST]")).Name);
        Assert.Equal("llama2", ChatFormat.Detect(null, "llama", WithAddedTokens("[INST]")).Name);
    }

    [Fact]
    public void EncodeChatGivesChatMarkersSingleIds()
    {
        TextTokenizer tokenizer = TokenizerFixtures.Load(TokenizerFixtures.ChatMl);
        int[] ids = tokenizer.EncodeChat([ChatMessage.User("hello")]);
        Assert.Equal(tokenizer.Encode("<|im_start|>user\nhello<|im_end|>\n<|im_start|>assistant\n"), ids);
        Assert.Equal(3, ids.Count(id => tokenizer.IsSpecial(id)));
    }

    [Fact]
    public void EncodeChatDoesNotDoubleBosTheFormatAlreadyWrites()
    {
        TextTokenizer tokenizer = WithAddedTokens("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>");
        int bos = tokenizer.TokenToId("<|begin_of_text|>")!.Value;
        tokenizer = tokenizer.WithSpecialTokens(new SpecialTokenIds(bos, [tokenizer.TokenToId("<|eot_id|>")!.Value], null, true));
        Assert.Equal("llama3", tokenizer.Chat.Name);
        int[] ids = tokenizer.EncodeChat([ChatMessage.User("hi")]);
        Assert.Equal(1, ids.Count(id => id == bos));
        Assert.Equal(bos, ids[0]);
    }

    private static TextTokenizer WithAddedTokens(params string[] tokens)
    {
        var vocab = Enumerable.Range(0, 256).ToDictionary(b => ByteLevelAlphabet.ByteToChar((byte)b).ToString(), b => b);
        return TextTokenizer.FromByteLevelBpe(vocab, [], tokens.Select((t, i) => new AddedToken(256 + i, t)));
    }
}
