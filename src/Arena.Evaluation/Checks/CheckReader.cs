using System.Text.Json.Nodes;
using Arena.Evaluation.Instructions;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Checks;

/// <summary>
/// Reads one entry of a suite item's <c>checks</c> list: <c>{"kind": ..., ...}</c> with the fields of its kind.
/// <list type="bullet">
/// <item><c>exact</c>: <c>value</c>, <c>case_sensitive</c></item>
/// <item><c>contains</c> / <c>any_of</c> / <c>none_of</c>: <c>value</c> or <c>values</c>, <c>case_sensitive</c></item>
/// <item><c>regex</c>: <c>pattern</c>, <c>ignore_case</c>, <c>match</c> (false: must not match)</item>
/// <item><c>numeric</c>: <c>value</c>, <c>tolerance</c> (absolute, default 1e-6)</item>
/// <item><c>rule</c>: <c>rule</c>, <c>args</c></item>
/// <item><c>instruction</c>: <c>id</c> (IFEval's), <c>kwargs</c></item>
/// </list>
/// </summary>
public static class CheckReader
{
    /// <summary>Every check kind a suite may use.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        ExactCheck.KindName, ContainsCheck.All, ContainsCheck.Any, ContainsCheck.None, RegexCheck.KindName,
        NumericCheck.KindName, RuleCheck.KindName, InstructionCheck.KindName,
    ];

    /// <summary>The check <paramref name="node"/> describes, for an item whose prompt is <paramref name="prompt"/>.</summary>
    public static ICheck Read(JsonNode? node, string prompt, IRuleBook rules)
    {
        if (node is not JsonObject o) throw new SuiteException("each check must be a JSON object with a \"kind\"");
        var kind = JsonFields.RequiredString(o, "kind", "check");
        var where = $"{kind} check";
        var caseSensitive = JsonFields.Bool(o, "case_sensitive", false, where);
        return kind switch
        {
            ExactCheck.KindName => new ExactCheck(JsonFields.RequiredString(o, "value", where), caseSensitive),
            ContainsCheck.All or ContainsCheck.Any or ContainsCheck.None => new ContainsCheck(kind, Values(o, where), caseSensitive),
            RegexCheck.KindName => RegexCheck.Create(
                JsonFields.RequiredString(o, "pattern", where),
                JsonFields.Bool(o, "ignore_case", false, where),
                JsonFields.Bool(o, "match", true, where)),
            NumericCheck.KindName => new NumericCheck(
                JsonFields.RequiredNumber(o, "value", where),
                Tolerance(JsonFields.OptionalNumber(o, "tolerance", where) ?? 1e-6, where)),
            RuleCheck.KindName => Rule(o, rules, prompt, where),
            InstructionCheck.KindName => Instruction(JsonFields.RequiredString(o, "id", where), JsonFields.OptionalObject(o, "kwargs", where), prompt),
            _ => throw new SuiteException($"unknown check kind '{kind}' (known: {string.Join(", ", Kinds)})"),
        };
    }

    /// <summary>An IFEval instruction as a check; IFEval-format lines come here with their <c>kwargs</c> entry.</summary>
    public static ICheck Instruction(string id, JsonObject? kwargs, string prompt) =>
        new InstructionCheck(InstructionRegistry.Create(id, kwargs, prompt));

    static IReadOnlyList<string> Values(JsonObject o, string where)
    {
        if (o["values"] is not null) return JsonFields.StringList(o, "values", where);
        var value = JsonFields.RequiredString(o, "value", where);
        return value.Length > 0 ? [value] : throw new SuiteException($"{where}: \"value\" is empty");
    }

    static double Tolerance(double tolerance, string where) =>
        tolerance >= 0 && double.IsFinite(tolerance) ? tolerance : throw new SuiteException($"{where}: \"tolerance\" must be a number ≥ 0");

    static RuleCheck Rule(JsonObject o, IRuleBook rules, string prompt, string where)
    {
        var name = JsonFields.RequiredString(o, "rule", where);
        return new RuleCheck(name, rules.Resolve(name, JsonFields.OptionalObject(o, "args", where), prompt));
    }
}
