using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization.Templates;

/// <summary>
/// Real chat templates (Fixtures/chat-templates: Llama-3, Llama-3.1, Qwen2, Qwen2.5, a Qwen2 fine-tune that sets its
/// system prompt in the template, Gemma, Phi-3, Zephyr, Mixtral, Mistral v0.3) rendered on a set of conversations,
/// compared with @huggingface/jinja's renderings (regenerate.mjs there): text exactly, raise_exception as an error.
/// </summary>
public class ChatTemplateReferenceTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "chat-templates");

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "templates.json")));
        foreach (JsonElement t in manifest.RootElement.EnumerateArray())
        {
            data.Add(t.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void RendersAsHuggingFaceDoes(string file)
    {
        ChatTemplateFormat format = Load(file);
        List<List<ChatMessage>> conversations = Conversations();
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        int checkedCount = 0;
        foreach (JsonElement row in expected.RootElement.EnumerateArray().Where(r => r.GetProperty("template").GetString() == file))
        {
            List<ChatMessage> messages = conversations[row.GetProperty("conversation").GetInt32()];
            bool addGenerationPrompt = row.GetProperty("add_generation_prompt").GetBoolean();
            if (row.TryGetProperty("error", out JsonElement error))
            {
                var e = Assert.Throws<TokenizerException>(() => format.Render(messages, addGenerationPrompt));
                Assert.Contains("raised: " + error.GetString(), e.Message);
                Assert.Equal(Path.Combine(Folder, file), e.FilePath);
                Assert.StartsWith("chat template line ", e.Problem);
            }
            else
            {
                Assert.Equal(row.GetProperty("text").GetString(), format.Render(messages, addGenerationPrompt));
            }

            checkedCount++;
        }

        Assert.Equal(2 * conversations.Count, checkedCount);
    }

    [Fact]
    public void StopStringsAreTheTemplatesEndOfTurnMarkersAndEos()
    {
        Assert.Equal(["<|eot_id|>", "<|eom_id|>"], Load("llama-3.1-8b-instruct.jinja").StopStrings);
        Assert.Equal(["<|im_end|>"], Load("qwen2.5-7b-instruct.jinja").StopStrings);
        Assert.Equal(["<end_of_turn>", "<eos>"], Load("gemma-7b-it.jinja").StopStrings);
        Assert.Equal(["</s>"], Load("mistral-7b-instruct-v0.3.jinja").StopStrings);
    }

    internal static ChatTemplateFormat Load(string file)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "templates.json")));
        JsonElement entry = manifest.RootElement.EnumerateArray().Single(t => t.GetProperty("file").GetString() == file);
        var specials = new Dictionary<string, string>();
        foreach (string name in new[] { "bos_token", "eos_token" })
        {
            if (entry.TryGetProperty(name, out JsonElement token))
            {
                specials[name] = token.GetString()!;
            }
        }

        string path = Path.Combine(Folder, file);
        return new ChatTemplateFormat(File.ReadAllText(path), path, specials);
    }

    private static List<List<ChatMessage>> Conversations()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "conversations.json")));
        return doc.RootElement.EnumerateArray()
            .Select(c => c.EnumerateArray().Select(m => new ChatMessage(m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToList())
            .ToList();
    }
}
