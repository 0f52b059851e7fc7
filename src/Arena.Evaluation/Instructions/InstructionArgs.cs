using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// One instruction's kwargs, read the way IFEval's data writes them. A null value counts as absent, because the
/// Hugging Face copy of IFEval lists every kwarg of every instruction with nulls. Where IFEval would pick a random
/// default for a missing or negative value, this refuses: a benchmark whose items change between runs measures
/// nothing. A non-null kwarg the instruction does not take is refused too, so a typo cannot fall back silently.
/// </summary>
internal sealed class InstructionArgs
{
    private readonly string id;
    private readonly JsonObject kwargs;

    public InstructionArgs(string id, JsonObject? kwargs, IReadOnlyList<string> known)
    {
        this.id = id;
        this.kwargs = kwargs ?? [];
        foreach (var (name, value) in this.kwargs)
        {
            if (value is null || known.Contains(name)) continue;
            var takes = known.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", known);
            throw Error(name, $"is not a kwarg of this instruction ({takes})");
        }
    }

    /// <summary>A whole number of at least <paramref name="min"/>; a JSON float is fine when it is whole (3.0).</summary>
    public int Count(string name, int min = 0)
    {
        var node = Required(name);
        if (node.GetValueKind() != JsonValueKind.Number) throw Error(name, $"must be a number, not {Describe(node)}");
        var value = double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
        if (!double.IsFinite(value) || Math.Floor(value) != value || value < min || value > int.MaxValue)
            throw Error(name, $"must be a whole number of at least {min}, not {node.ToJsonString()}");
        return (int)value;
    }

    /// <summary>A string that is not blank; IFEval strips most of these before use, and so do the callers.</summary>
    public string Text(string name)
    {
        var node = Required(name);
        if (node.GetValueKind() != JsonValueKind.String) throw Error(name, $"must be a string, not {Describe(node)}");
        var value = node.GetValue<string>();
        if (string.IsNullOrWhiteSpace(value)) throw Error(name, "must not be empty");
        return value;
    }

    /// <summary>A non-empty list of non-blank strings, e.g. <c>keywords</c> or <c>forbidden_words</c>.</summary>
    public IReadOnlyList<string> Texts(string name)
    {
        var node = Required(name);
        if (node is not JsonArray array) throw Error(name, $"must be a list of strings, not {Describe(node)}");
        if (array.Count == 0) throw Error(name, "must list at least one string");
        return array.Select(item => item is not null && item.GetValueKind() == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(item.GetValue<string>())
            ? item.GetValue<string>()
            : throw Error(name, "must hold only non-empty strings")).ToList();
    }

    /// <summary>IFEval's comparison: <c>less than</c> or <c>at least</c>, exactly so spelled.</summary>
    public Relation Relation(string name) => Text(name) switch
    {
        "less than" => Instructions.Relation.LessThan,
        "at least" => Instructions.Relation.AtLeast,
        var other => throw Error(name, $"must be 'less than' or 'at least', not '{other}'"),
    };

    public SuiteException Error(string name, string problem) => new($"instruction '{id}': kwarg '{name}' {problem}");

    private JsonNode Required(string name) => kwargs[name] ?? throw Error(name, "is missing");

    private static string Describe(JsonNode node) => node.GetValueKind().ToString().ToLowerInvariant() + " " + node.ToJsonString();
}
