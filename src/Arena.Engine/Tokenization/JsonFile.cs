using System.Text.Json;

namespace Arena.Engine.Tokenization;

/// <summary>Reading the small JSON files of a Hugging Face model folder, with errors that name the file.</summary>
internal static class JsonFile
{
    /// <summary>The parsed file, or null when it does not exist.</summary>
    /// <exception cref="TokenizerException">The file exists but is not valid JSON.</exception>
    public static JsonDocument? TryOpen(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new TokenizerException(path, $"malformed JSON: {ex.Message}", ex);
        }
    }

    /// <summary>A property's value, or null when it is missing or JSON null.</summary>
    public static JsonElement? Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(name, out JsonElement value)
        && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? GetString(JsonElement obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? GetBool(JsonElement obj, string name) =>
        Get(obj, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>A token written either as "&lt;s&gt;" or as {"content": "&lt;s&gt;", ...} (tokenizer_config.json).</summary>
    public static string? GetToken(JsonElement obj, string name) => Get(obj, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => GetString(o, "content"),
        _ => null,
    };

    /// <summary>An id written as 2, as [2, 32000], or missing (config.json's eos_token_id).</summary>
    public static List<int> GetIds(JsonElement obj, string name, string path)
    {
        var ids = new List<int>();
        switch (Get(obj, name))
        {
            case null:
                break;
            case { ValueKind: JsonValueKind.Number } number:
                ids.Add(ReadId(number, name, path));
                break;
            case { ValueKind: JsonValueKind.Array } array:
                ids.AddRange(array.EnumerateArray().Select(item => ReadId(item, name, path)));
                break;
            default:
                throw new TokenizerException(path, $"{name} must be an id or a list of ids");
        }

        return ids;
    }

    private static int ReadId(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int id) && id >= 0
            ? id
            : throw new TokenizerException(path, $"{name} holds '{element.GetRawText()}', not a token id");
}
