using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arena.Evaluation.Suites;

/// <summary>Reads typed fields of a suite line's JSON objects; a wrong or missing field is a <see cref="SuiteException"/> naming it.</summary>
internal static class JsonFields
{
    public static string? OptionalString(JsonObject o, string name, string where) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new SuiteException($"{where}: \"{name}\" must be a string"),
    };

    public static string RequiredString(JsonObject o, string name, string where) =>
        OptionalString(o, name, where) ?? throw new SuiteException($"{where}: \"{name}\" is missing");

    public static bool Bool(JsonObject o, string name, bool fallback, string where) => o[name] switch
    {
        null => fallback,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw new SuiteException($"{where}: \"{name}\" must be true or false"),
    };

    public static double? OptionalNumber(JsonObject o, string name, string where) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw new SuiteException($"{where}: \"{name}\" must be a number"),
    };

    public static double RequiredNumber(JsonObject o, string name, string where) =>
        OptionalNumber(o, name, where) ?? throw new SuiteException($"{where}: \"{name}\" is missing");

    public static IReadOnlyList<string> StringList(JsonObject o, string name, string where)
    {
        if (o[name] is not JsonArray list || list.Count == 0)
            throw new SuiteException($"{where}: \"{name}\" must be a non-empty list of strings");
        return list.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new SuiteException($"{where}: \"{name}\" must hold only strings"))
            .ToList();
    }

    public static JsonObject? OptionalObject(JsonObject o, string name, string where) => o[name] switch
    {
        null => null,
        JsonObject obj => obj,
        _ => throw new SuiteException($"{where}: \"{name}\" must be an object"),
    };
}
