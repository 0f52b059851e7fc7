using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Scoring;

/// <summary>
/// Reads replies written elsewhere: JSON Lines of <c>{"id", "response"}</c>. IFEval's response files, which carry
/// <c>{"prompt", "response"}</c> instead, are matched to items by their prompt. Errors name the line.
/// </summary>
public static class ResponseReader
{
    public static IReadOnlyDictionary<string, string> ReadFile(string path, Suite suite)
    {
        if (!File.Exists(path)) throw new SuiteException($"{path}: responses file not found");
        return Read(path, File.ReadAllText(path), suite);
    }

    public static IReadOnlyDictionary<string, string> Read(string name, string text, Suite suite)
    {
        var byPrompt = suite.Items.GroupBy(i => i.Prompt, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var responses = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            try
            {
                var o = JsonNode.Parse(lines[i]) as JsonObject ?? throw new SuiteException("the line must hold one JSON object");
                var response = JsonFields.RequiredString(o, "response", "reply");
                var id = Id(o, byPrompt);
                if (!responses.TryAdd(id, response)) throw new SuiteException($"a second reply for item '{id}'");
            }
            catch (Exception e) when (e is SuiteException or JsonException)
            {
                throw new SuiteException($"{name}: line {i + 1}: {e.Message}");
            }
        }
        return responses;
    }

    static string Id(JsonObject o, Dictionary<string, List<SuiteItem>> byPrompt)
    {
        var node = o["id"] ?? o["key"];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number) return n.GetValue<decimal>().ToString(CultureInfo.InvariantCulture);
        if (node is not null) throw new SuiteException("\"id\" must be a string or a number");
        var prompt = JsonFields.OptionalString(o, "prompt", "reply") ?? throw new SuiteException("a reply needs an \"id\" (or IFEval's \"prompt\")");
        return byPrompt.TryGetValue(prompt, out var items) && items.Count == 1
            ? items[0].Id
            : throw new SuiteException(items is null ? "no item has this prompt" : "several items have this prompt: give \"id\"");
    }
}
