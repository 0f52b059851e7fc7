namespace Arena.Engine.Tokenization.Templates;

/// <summary>Jinja's tests ("x is defined", "x is none", selectattr's "equalto", ...), those chat templates use.</summary>
internal static class TemplateTests
{
    private static readonly Dictionary<string, Func<int, object?, IReadOnlyList<object?>, bool>> Tests = new(StringComparer.Ordinal)
    {
        ["defined"] = (_, v, _) => v is not TemplateUndefined,
        ["undefined"] = (_, v, _) => v is TemplateUndefined,
        ["none"] = (_, v, _) => v is null,
        ["string"] = (_, v, _) => v is string,
        ["number"] = (_, v, _) => v is long or double,
        ["integer"] = (_, v, _) => v is long,
        ["float"] = (_, v, _) => v is double,
        ["boolean"] = (_, v, _) => v is bool,
        ["true"] = (_, v, _) => v is true,
        ["false"] = (_, v, _) => v is false,
        ["mapping"] = (_, v, _) => v is OrderedDictionary<object, object?>,
        ["sequence"] = (_, v, _) => v is string or List<object?> or OrderedDictionary<object, object?>,
        ["iterable"] = (_, v, _) => v is string or List<object?> or OrderedDictionary<object, object?>,
        ["callable"] = (_, v, _) => v is TemplateCallable,
        ["odd"] = (line, v, _) => TemplateValues.ToLong(line, v) % 2 != 0,
        ["even"] = (line, v, _) => TemplateValues.ToLong(line, v) % 2 == 0,
        ["divisibleby"] = (line, v, a) => TemplateValues.ToLong(line, v) % TemplateValues.ToLong(line, Arg(line, a)) == 0,
        ["lower"] = (_, v, _) => v is string s && s == s.ToLowerInvariant(),
        ["upper"] = (_, v, _) => v is string s && s == s.ToUpperInvariant(),
        ["in"] = (line, v, a) => TemplateValues.Contains(line, Arg(line, a), v),
        ["sameas"] = (line, v, a) => ReferenceEquals(v, Arg(line, a)) || (v is null && Arg(line, a) is null) || (v is bool x && Arg(line, a) is bool y && x == y),
        ["equalto"] = (line, v, a) => TemplateValues.AreEqual(v, Arg(line, a)),
        ["=="] = (line, v, a) => TemplateValues.AreEqual(v, Arg(line, a)),
        ["ne"] = (line, v, a) => !TemplateValues.AreEqual(v, Arg(line, a)),
        ["!="] = (line, v, a) => !TemplateValues.AreEqual(v, Arg(line, a)),
        ["gt"] = (line, v, a) => TemplateValues.Compare(line, v, Arg(line, a)) > 0,
        ["ge"] = (line, v, a) => TemplateValues.Compare(line, v, Arg(line, a)) >= 0,
        ["lt"] = (line, v, a) => TemplateValues.Compare(line, v, Arg(line, a)) < 0,
        ["le"] = (line, v, a) => TemplateValues.Compare(line, v, Arg(line, a)) <= 0,
    };

    static TemplateTests()
    {
        Tests["eq"] = Tests["equalto"];
        Tests[">"] = Tests["gt"];
        Tests["<"] = Tests["lt"];
        Tests["greaterthan"] = Tests["gt"];
        Tests["lessthan"] = Tests["lt"];
    }

    public static bool Exists(string name) => Tests.ContainsKey(name);

    public static bool Apply(int line, string name, object? value, IReadOnlyList<object?> args) =>
        Tests.TryGetValue(name, out var test) ? test(line, value, args) : throw new TemplateError(line, $"unsupported Jinja test '{name}'");

    private static object? Arg(int line, IReadOnlyList<object?> args) =>
        args.Count > 0 ? args[0] : throw new TemplateError(line, "this test needs an argument");
}
