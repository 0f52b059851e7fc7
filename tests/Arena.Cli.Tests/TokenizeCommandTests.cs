using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine.Tests;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class TokenizeCommandTests
{
    static string Mistral => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers", "mistral-v03");

    static JsonElement Expected => JsonDocument.Parse(File.ReadAllText(Path.Combine(Mistral, "expected.json"))).RootElement;

    [Fact]
    public void WritesHuggingFaceIdsAndDecodesPerTextAndChat()
    {
        var dir = Fixture.TempDir();
        var texts = Expected.GetProperty("encodings").EnumerateArray().Take(12).ToList();
        var chat = Expected.GetProperty("chats")[0];
        var request = new
        {
            texts = texts.Select(t => t.GetProperty("text").GetString()).ToArray(),
            chats = new[] { new { messages = chat.GetProperty("messages"), add_generation_prompt = true } },
        };
        var input = Path.Combine(dir, "req.json");
        var output = Path.Combine(dir, "out.json");
        File.WriteAllText(input, JsonSerializer.Serialize(request));

        var (code, _, err) = CliRunner.Run("tokenize", "--model", Mistral, "--input", input, "--output", output);

        Assert.True(code == 0, err);
        var result = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        var encodings = result.GetProperty("encodings").EnumerateArray().ToList();
        Assert.Equal(texts.Count, encodings.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            foreach (var field in new[] { "text", "ids", "ids_bos", "decoded", "decoded_skip" })
            {
                var (want, got) = (JsonNode.Parse(texts[i].GetProperty(field).GetRawText()), JsonNode.Parse(encodings[i].GetProperty(field).GetRawText()));
                Assert.True(JsonNode.DeepEquals(want, got), $"{field} of item {i}: {want?.ToJsonString()} vs {got?.ToJsonString()}");
            }
        }
        var chatOut = result.GetProperty("chats")[0];
        Assert.True(chatOut.TryGetProperty("text", out _));
        Assert.True(chatOut.TryGetProperty("ids", out var ids) && ids.GetArrayLength() > 0);
    }

    [Fact]
    public void ABadItemIsReportedInThatItemOnly()
    {
        var dir = Fixture.TempDir();
        var input = Path.Combine(dir, "req.json");
        var output = Path.Combine(dir, "out.json");
        File.WriteAllText(input, """{"texts": ["hi", 5], "chats": [{"messages": "nope"}, {"messages": [{"role": "user", "content": "hi"}]}]}""");

        var (code, _, err) = CliRunner.Run("tokenize", "--model", Mistral, "--input", input, "--output", output);

        Assert.True(code == 0, err);
        var result = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        Assert.False(result.GetProperty("encodings")[0].TryGetProperty("error", out _));
        Assert.True(result.GetProperty("encodings")[1].TryGetProperty("error", out _));
        Assert.True(result.GetProperty("chats")[0].TryGetProperty("error", out _));
        Assert.False(result.GetProperty("chats")[1].TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("missing-input")]
    [InlineData("bad-json")]
    [InlineData("missing-model")]
    [InlineData("unknown-pre-tokenizer")]
    public void BadInputIsOneLineAndExitCodeTwo(string problem)
    {
        var dir = Fixture.TempDir();
        var input = Path.Combine(dir, "req.json");
        var model = Mistral;
        if (problem != "missing-input") File.WriteAllText(input, problem == "bad-json" ? "{\"texts\": [" : """{"texts": ["hi"]}""");
        if (problem == "missing-model") model = Path.Combine(dir, "no-model");
        if (problem == "unknown-pre-tokenizer")
        {
            model = Path.Combine(dir, "model");
            Directory.CreateDirectory(model);
            File.WriteAllText(Path.Combine(model, "tokenizer.json"), """{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}, "pre_tokenizer": {"type": "Whitespace"}}""");
        }

        var (code, _, err) = CliRunner.Run("tokenize", "--model", model, "--input", input, "--output", Path.Combine(dir, "out.json"));

        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        if (problem == "unknown-pre-tokenizer") Assert.Contains("Whitespace", err);
        // The CLI names the full path (the exception's message, shown to users by workers, names the file in its model only).
        if (problem == "unknown-pre-tokenizer") Assert.StartsWith($"error: {Path.Combine(model, "tokenizer.json")}: ", err);
    }
}
