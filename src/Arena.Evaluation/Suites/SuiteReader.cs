using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Suites;

/// <summary>
/// Reads a suite file: JSON Lines, one item per line, blank lines skipped. An item is
/// <c>{"id", "prompt" | "messages", "system"?, "category"?, "checks"?, "reference"?}</c>. Two public formats load
/// unchanged: IFEval's lines (<c>{"key", "prompt", "instruction_id_list", "kwargs"}</c>), whose instructions become
/// checks, and GSM8K's (<c>{"question", "answer"}</c>), whose number after <c>####</c> becomes a numeric check. An
/// item without an id is named after its line. Every error names the line it is on.
/// </summary>
public static class SuiteReader
{
    /// <summary>Reads the suite file at <paramref name="path"/>, named after the file.</summary>
    public static Suite ReadFile(string path, IRuleBook rules)
    {
        if (!File.Exists(path)) throw new SuiteException($"{path}: suite file not found");
        return Read(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path), rules, where: path);
    }

    /// <summary>Reads a suite from its text; errors begin with <paramref name="where"/> (the suite's name by default).</summary>
    public static Suite Read(string name, string text, IRuleBook rules, string? where = null)
    {
        where ??= name;
        var items = new List<SuiteItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var lineNumber = i + 1;
            try
            {
                var item = Item(lines[i], lineNumber, rules);
                if (!ids.Add(item.Id)) throw new SuiteException($"id '{item.Id}' is used twice");
                items.Add(item);
            }
            catch (SuiteException e)
            {
                throw new SuiteException($"{where}: line {lineNumber}: {e.Message}");
            }
            if (items.Count > SuiteLimits.MaxItems)
                throw new SuiteException($"{where}: more than {SuiteLimits.MaxItems} items");
        }
        if (items.Count == 0) throw new SuiteException($"{where}: the suite has no items");
        return new Suite(name, items, Hash(text));
    }

    /// <summary>The hex SHA-256 of a suite's text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    static SuiteItem Item(string line, int lineNumber, IRuleBook rules)
    {
        if (line.Length > SuiteLimits.MaxLineChars) throw new SuiteException($"the line is longer than {SuiteLimits.MaxLineChars} characters");
        JsonObject o;
        try
        {
            o = JsonNode.Parse(line) as JsonObject ?? throw new SuiteException("the line must hold one JSON object");
        }
        catch (JsonException e)
        {
            throw new SuiteException($"not valid JSON ({e.Message})");
        }
        if (o["question"] is not null && o["answer"] is not null) return Gsm8k.Item(o, lineNumber);
        var id = Id(o, lineNumber);
        var where = $"item '{id}'";
        var system = JsonFields.OptionalString(o, "system", where);
        var turns = Turns(o, where, ref system);
        var category = JsonFields.OptionalString(o, "category", where);
        var checks = Checks(o, turns[^1].Content, rules, where);
        return new SuiteItem(id, turns, system, category, checks) { Reference = JsonFields.OptionalString(o, "reference", where) };
    }

    internal static string Id(JsonObject o, int lineNumber)
    {
        // IFEval numbers its lines with an integer "key"; our own suites use a string "id"; GSM8K has neither.
        var node = o["id"] ?? o["key"];
        if (node is null) return lineNumber.ToString(CultureInfo.InvariantCulture);
        var id = node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)
            : throw new SuiteException("\"id\" must be a string or a number");
        if (id.Trim().Length == 0 || id.Length > SuiteLimits.MaxIdChars)
            throw new SuiteException($"\"id\" must be 1 to {SuiteLimits.MaxIdChars} characters");
        return id;
    }

    static IReadOnlyList<SuiteTurn> Turns(JsonObject o, string where, ref string? system)
    {
        if (o["messages"] is null)
        {
            var prompt = JsonFields.RequiredString(o, "prompt", where);
            if (prompt.Trim().Length == 0) throw new SuiteException($"{where}: \"prompt\" is empty");
            return [new SuiteTurn("user", prompt)];
        }
        if (o["prompt"] is not null) throw new SuiteException($"{where}: give \"prompt\" or \"messages\", not both");
        if (o["messages"] is not JsonArray messages || messages.Count == 0)
            throw new SuiteException($"{where}: \"messages\" must be a non-empty list");
        var turns = new List<SuiteTurn>();
        foreach (var node in messages)
        {
            if (node is not JsonObject m) throw new SuiteException($"{where}: each message must be an object with \"role\" and \"content\"");
            var role = JsonFields.RequiredString(m, "role", where);
            var content = JsonFields.RequiredString(m, "content", where);
            if (role == "system" && turns.Count == 0 && system is null) { system = content; continue; }
            if (role is not ("user" or "assistant"))
                throw new SuiteException($"{where}: role '{role}' (a system message may only come first; then user and assistant)");
            var expected = turns.Count % 2 == 0 ? "user" : "assistant";
            if (role != expected) throw new SuiteException($"{where}: messages must alternate user, assistant, ... ('{role}' where '{expected}' was due)");
            turns.Add(new SuiteTurn(role, content));
        }
        if (turns.Count == 0 || turns[^1].Role != "user") throw new SuiteException($"{where}: the messages must end with a user turn");
        return turns;
    }

    static IReadOnlyList<ICheck> Checks(JsonObject o, string prompt, IRuleBook rules, string where)
    {
        var checks = new List<ICheck>();
        if (o["checks"] is JsonArray list) checks.AddRange(list.Select(c => Wrap(() => CheckReader.Read(c, prompt, rules), where)));
        else if (o["checks"] is not null) throw new SuiteException($"{where}: \"checks\" must be a list");
        if (o["instruction_id_list"] is not null) checks.AddRange(IfEvalChecks(o, prompt, where));
        if (checks.Count > SuiteLimits.MaxChecksPerItem) throw new SuiteException($"{where}: more than {SuiteLimits.MaxChecksPerItem} checks");
        return checks;
    }

    static IEnumerable<ICheck> IfEvalChecks(JsonObject o, string prompt, string where)
    {
        var ids = JsonFields.StringList(o, "instruction_id_list", where);
        var kwargs = o["kwargs"] as JsonArray;
        if (o["kwargs"] is not null && kwargs is null) throw new SuiteException($"{where}: \"kwargs\" must be a list, one object per instruction");
        if (kwargs is not null && kwargs.Count != ids.Count)
            throw new SuiteException($"{where}: \"kwargs\" has {kwargs.Count} entries for {ids.Count} instructions");
        return ids.Select((id, i) => Wrap(() => CheckReader.Instruction(id, kwargs?[i] as JsonObject, prompt), where)).ToList();
    }

    static ICheck Wrap(Func<ICheck> read, string where)
    {
        try
        {
            return read();
        }
        catch (SuiteException e)
        {
            throw new SuiteException($"{where}: {e.Message}");
        }
    }
}
