using System.Text.Json.Nodes;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>What the GGUF vocabularies read from a tokenizer.json: the document, its merges, and a checked token slot.</summary>
static class GgufTokenizerJson
{
    public static JsonObject Read(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException(path, "not found");
        try { return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CheckpointException(path, "not a JSON object"); }
        catch (System.Text.Json.JsonException e) { throw new CheckpointException(path, $"invalid JSON ({e.Message.Split('\n')[0]})"); }
    }

    public static IEnumerable<(string Left, string Right)> Merges(JsonObject model) =>
        (model["merges"] as JsonArray ?? []).Select(m => m switch
        {
            JsonArray pair => (pair[0]!.GetValue<string>(), pair[1]!.GetValue<string>()),   // newer files: ["a", "b"]
            _ => Split(m!.GetValue<string>()),                                                 // older files: "a b"
        });

    public static void Put(string?[] tokens, int[] types, int id, string token, int type, string path)
    {
        if (id < 0 || id >= tokens.Length)
            throw new CheckpointException(path, $"token id {id} ('{token}') is outside the model's vocabulary of {tokens.Length}");
        (tokens[id], types[id]) = (token, type);
    }

    static (string, string) Split(string merge)
    {
        int space = merge.IndexOf(' ', 1);
        return space < 0 ? (merge, "") : (merge[..space], merge[(space + 1)..]);
    }
}
