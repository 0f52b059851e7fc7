using System.Text.Json;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>detectable_format:json_format</c>: the whole reply, less one pair of ``` fences (```json, ```Json, ```JSON or
/// bare), parses as JSON. Any JSON value goes, a bare number or string too, as with Python's <c>json.loads</c>.
/// </summary>
internal sealed class JsonFormat : IInstruction
{
    public const string Name = "detectable_format:json_format";

    // Python's json has no nesting limit worth the name; System.Text.Json's default of 64 would fail deep but valid replies.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1000 };

    public string Id => Name;

    public bool Follows(string response)
    {
        var text = RemovePrefix(PythonText.Strip(response), "```json");
        text = RemovePrefix(text, "```Json");
        text = RemovePrefix(text, "```JSON");
        text = RemovePrefix(text, "```");
        text = PythonText.Strip(text.EndsWith("```", StringComparison.Ordinal) ? text[..^3] : text);
        try
        {
            using var _ = JsonDocument.Parse(text, Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string RemovePrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
}
