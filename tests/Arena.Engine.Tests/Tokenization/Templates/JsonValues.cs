using System.Text.Json;

namespace Arena.Engine.Tests.Tokenization.Templates;

/// <summary>JSON test data as the plain values templates take (dicts keep their key order).</summary>
internal static class JsonValues
{
    public static object? From(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, From(p.Value))).ToList(),
        JsonValueKind.Array => e.EnumerateArray().Select(From).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out long n) ? n : (object)e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static Dictionary<string, object?> Variables(JsonElement data) =>
        data.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value), StringComparer.Ordinal);
}
