using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Engine.Tokenization;

namespace Arena.Cli.Commands;

/// <summary>
/// arena tokenize --model DIR --input REQ.json --output OUT.json: the ids and decodes of texts and chats, in the
/// shape of the tokenizer fixtures' expected.json, so Arena can be checked against Hugging Face on any model.
/// REQ: {"texts": [...], "chats": [{"messages": [{"role", "content"}], "add_generation_prompt": true}]}.
/// OUT: {"encodings": [{"text", "ids", "ids_bos", "decoded", "decoded_skip"}], "chats": [{"text", "ids"}]};
/// an item that fails carries "error" instead, the others still come out. A stable interface: keep the shape.
/// </summary>
public static class TokenizeCommand
{
    static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(CliArgs a)
    {
        var dir = a.Required("model");
        var input = a.Required("input");
        var output = a.Required("output");
        a.RejectUnknown();
        JsonObject request = ReadRequest(input);
        TextTokenizer tokenizer = TokenizerLoader.Load(dir);
        var result = new JsonObject
        {
            ["encodings"] = new JsonArray(Items(request, "texts", input).Select(t => Encoding(tokenizer, t)).ToArray()),
            ["chats"] = new JsonArray(Items(request, "chats", input).Select(c => Chat(tokenizer, c)).ToArray()),
        };
        File.WriteAllText(output, result.ToJsonString(Written) + "\n");
        Console.WriteLine($"{output}: {((JsonArray)result["encodings"]!).Count} encodings, {((JsonArray)result["chats"]!).Count} chats ({tokenizer})");
        return 0;
    }

    static JsonObject ReadRequest(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: input file not found");
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new UsageException($"{path}: must hold a JSON object with \"texts\" and/or \"chats\"");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: not valid JSON ({e.Message})");
        }
    }

    static IEnumerable<JsonNode?> Items(JsonObject request, string name, string path) => request[name] switch
    {
        null => [],
        JsonArray list => list,
        _ => throw new UsageException($"{path}: \"{name}\" must be an array"),
    };

    static JsonObject Encoding(TextTokenizer tokenizer, JsonNode? item)
    {
        // Each item is done on its own: one odd text (or a tokenizer bug) must not cost the whole file.
        var result = new JsonObject { ["text"] = item?.DeepClone() };
        try
        {
            if (item is not JsonValue value || !value.TryGetValue(out string? text)) throw new ArgumentException("text must be a string");
            int[] ids = tokenizer.Encode(text);
            result["ids"] = Ids(ids);
            result["ids_bos"] = Ids(tokenizer.Encode(text, tokenizer.AddBos));
            result["decoded"] = tokenizer.Decode(ids);
            result["decoded_skip"] = tokenizer.Decode(ids, skipSpecial: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or TokenizerException)
        {
            result["error"] = e.Message.ReplaceLineEndings(" ");
        }
        return result;
    }

    static JsonObject Chat(TextTokenizer tokenizer, JsonNode? item)
    {
        var result = new JsonObject();
        try
        {
            if (item is not JsonObject chat || chat["messages"] is not JsonArray list) throw new ArgumentException("chat must be an object with a \"messages\" array");
            var messages = list.Select(Message).ToList();
            bool addGenerationPrompt = chat["add_generation_prompt"] is JsonValue flag && flag.TryGetValue(out bool b) ? b : true;
            result["text"] = tokenizer.Chat.Render(messages, addGenerationPrompt);
            result["ids"] = Ids(tokenizer.EncodeChat(messages, addGenerationPrompt));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or TokenizerException)
        {
            result["error"] = e.Message.ReplaceLineEndings(" ");
        }
        return result;
    }

    static ChatMessage Message(JsonNode? node) =>
        node is JsonObject m && m["role"] is JsonValue r && r.TryGetValue(out string? role) && m["content"] is JsonValue c && c.TryGetValue(out string? content)
            ? new ChatMessage(role, content)
            : throw new ArgumentException("each message needs a string \"role\" and \"content\"");

    static JsonArray Ids(int[] ids) => new(ids.Select(id => (JsonNode)id).ToArray());
}
