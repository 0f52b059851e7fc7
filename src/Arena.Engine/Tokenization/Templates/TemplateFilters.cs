using System.Globalization;
using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>Jinja's filters ("x | trim", "tools | tojson(indent=4)"), those chat templates use.</summary>
internal static class TemplateFilters
{
    private delegate object? Filter(int line, object? value, FilterArgs args);

    private static readonly Dictionary<string, Filter> Filters = new(StringComparer.Ordinal)
    {
        ["trim"] = (line, v, a) => TemplateStrings.Strip(Text(line, v), a.Get(0, "chars") as string, true, true),
        ["upper"] = (line, v, _) => Text(line, v).ToUpperInvariant(),
        ["lower"] = (line, v, _) => Text(line, v).ToLowerInvariant(),
        ["capitalize"] = (line, v, _) => TemplateStrings.Capitalize(Text(line, v)),
        ["title"] = (line, v, _) => TemplateStrings.Title(Text(line, v)),
        ["replace"] = (line, v, a) => TemplateStrings.Replace(line, Text(line, v), a.Get(0, "old"), a.Get(1, "new"), a.Get(2, "count")),
        ["string"] = (_, v, _) => TemplateValues.ToText(v),
        ["safe"] = (_, v, _) => v,
        ["length"] = (line, v, _) => TemplateValues.Length(line, v),
        ["count"] = (line, v, _) => TemplateValues.Length(line, v),
        ["tojson"] = (line, v, a) => TemplateJson.Serialize(line, v, a.Get(0, "indent") is { } n ? (int)TemplateValues.ToLong(line, n) : null,
            a.Get(1, "separators") is List<object?> { Count: 2 } s ? (TemplateValues.ToText(s[0]), TemplateValues.ToText(s[1])) : null,
            TemplateValues.IsTruthy(a.Get(2, "ensure_ascii")), TemplateValues.IsTruthy(a.Get(3, "sort_keys"))),
        ["default"] = (_, v, a) => v is TemplateUndefined || (TemplateValues.IsTruthy(a.Get(1, "boolean")) && !TemplateValues.IsTruthy(v))
            ? a.Get(0, "default_value") ?? "" : v,
        ["join"] = (line, v, a) => Join(line, v, a),
        ["list"] = (line, v, _) => TemplateValues.Iterate(line, v).ToList(),
        ["first"] = (line, v, _) => TemplateValues.Iterate(line, v) is { Count: > 0 } items ? items[0] : new TemplateUndefined("first of an empty sequence"),
        ["last"] = (line, v, _) => TemplateValues.Iterate(line, v) is { Count: > 0 } items ? items[^1] : new TemplateUndefined("last of an empty sequence"),
        ["reverse"] = (line, v, _) => v is string s ? string.Concat(TemplateValues.StringItems(s).Cast<string>().Reverse())
            : Enumerable.Reverse(TemplateValues.Iterate(line, v)).ToList(),
        ["items"] = (line, v, _) => v is OrderedDictionary<object, object?> d ? TemplateMethods.Items(d)
            : v is TemplateUndefined ? new List<object?>() : throw new TemplateError(line, $"items needs a dict, got {TemplateValues.TypeName(v)}"),
        ["unique"] = (line, v, _) => Unique(TemplateValues.Iterate(line, v)),
        ["int"] = (line, v, a) => ToInt(v, a.Get(0, "default") ?? 0L),
        ["float"] = (line, v, a) => ToFloat(v, a.Get(0, "default") ?? 0.0),
        ["abs"] = (line, v, _) => v is double d ? Math.Abs(d) : (object)Math.Abs(TemplateValues.ToLong(line, v)),
        ["round"] = (line, v, a) => Math.Round(TemplateValues.ToDouble(v), (int)TemplateValues.ToLong(line, a.Get(0, "precision") ?? 0L), MidpointRounding.ToEven),
        ["indent"] = (line, v, a) => Indent(Text(line, v), a),
        ["selectattr"] = (line, v, a) => Select(line, v, a, byAttribute: true, keep: true),
        ["rejectattr"] = (line, v, a) => Select(line, v, a, byAttribute: true, keep: false),
        ["select"] = (line, v, a) => Select(line, v, a, byAttribute: false, keep: true),
        ["reject"] = (line, v, a) => Select(line, v, a, byAttribute: false, keep: false),
        ["map"] = (line, v, a) => Map(line, v, a),
        ["dictsort"] = (line, v, a) => v is OrderedDictionary<object, object?> d
            ? TemplateSorting.Sort(line, TemplateMethods.Items(d), TemplateValues.IsTruthy(a.Get(2, "reverse")), TemplateValues.IsTruthy(a.Get(0, "case_sensitive")),
                item => ((List<object?>)item!)[a.Get(1, "by") as string == "value" ? 1 : 0])
            : throw new TemplateError(line, "dictsort needs a dict"),
        ["sort"] = (line, v, a) => TemplateSorting.Sort(line, TemplateValues.Iterate(line, v), TemplateValues.IsTruthy(a.Get(0, "reverse")),
            TemplateValues.IsTruthy(a.Get(1, "case_sensitive")),
            a.Get(2, "attribute") is { } attribute ? item => TemplateSorting.Path(line, item, TemplateValues.ToText(attribute)) : item => item),
        ["sum"] = (line, v, _) => TemplateValues.Iterate(line, v).Aggregate((object?)0L, (acc, x) => TemplateOperators.Binary(line, "+", acc, x)),
    };

    static TemplateFilters()
    {
        Filters["d"] = Filters["default"];
        Filters["e"] = Filters["safe"];
    }

    public static bool Exists(string name) => Filters.ContainsKey(name);

    public static object? Apply(int line, string name, object? value, IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?> named) =>
        Filters.TryGetValue(name, out Filter? filter)
            ? filter(line, value, new FilterArgs(positional, named))
            : throw new TemplateError(line, $"unsupported Jinja filter '{name}'");

    private static string Text(int line, object? value) => value is TemplateUndefined ? "" : TemplateValues.ToText(value);

    private static string Join(int line, object? value, FilterArgs args)
    {
        string separator = args.Get(0, "d") is { } s ? TemplateValues.ToText(s) : "";
        IEnumerable<object?> items = TemplateValues.Iterate(line, value);
        if (args.Get(1, "attribute") is string attribute)
        {
            items = items.Select(x => TemplateAccess.Attribute(line, x, attribute, "item"));
        }

        return string.Join(separator, items.Select(TemplateValues.ToText));
    }

    private static List<object?> Unique(List<object?> items)
    {
        var result = new List<object?>();
        foreach (object? item in items.Where(item => !result.Any(r => TemplateValues.AreEqual(r, item))))
        {
            result.Add(item);
        }

        return result;
    }

    private static object ToInt(object? value, object fallback) => value switch
    {
        long n => n,
        double d => (long)Math.Truncate(d),
        bool b => b ? 1L : 0L,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) => n,
        _ => fallback,
    };

    private static object ToFloat(object? value, object fallback) => value switch
    {
        long n => (double)n,
        double d => d,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => fallback,
    };

    /// <summary>indent(width=4, first=False, blank=False): indents every line but the first, skipping blank lines.</summary>
    private static string Indent(string text, FilterArgs args)
    {
        string pad = args.Get(0, "width") switch { string s => s, long n => new string(' ', (int)n), _ => "    " };
        bool first = TemplateValues.IsTruthy(args.Get(1, "first"));
        bool blank = TemplateValues.IsTruthy(args.Get(2, "blank"));
        string[] lines = text.Split('\n');
        var result = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                result.Append('\n');
            }

            // Jinja leaves empty lines alone unless blank=True; a line of spaces is not empty.
            bool indent = i == 0 ? first : blank || lines[i].Length > 0;
            result.Append(indent ? pad : "").Append(lines[i]);
        }

        return result.ToString();
    }

    /// <summary>select/reject(test, args...) and selectattr/rejectattr(attribute, test, args...); no test means truthiness.</summary>
    private static List<object?> Select(int line, object? value, FilterArgs args, bool byAttribute, bool keep)
    {
        int at = byAttribute ? 1 : 0;
        string? attribute = byAttribute ? args.Get(0, null) as string ?? throw new TemplateError(line, "selectattr needs an attribute name") : null;
        string? test = args.Positional.Count > at ? args.Positional[at] as string : null;
        if (test is not null && !TemplateTests.Exists(test))
        {
            throw new TemplateError(line, $"unsupported Jinja test '{test}'");
        }

        List<object?> testArgs = args.Positional.Skip(at + 1).ToList();
        return TemplateValues.Iterate(line, value).Where(item =>
        {
            object? subject = attribute is null ? item : TemplateAccess.Attribute(line, item, attribute, "item");
            bool passes = test is null ? TemplateValues.IsTruthy(subject) : TemplateTests.Apply(line, test, subject, testArgs);
            return passes == keep;
        }).ToList();
    }

    /// <summary>map(attribute='name', default=...) or map('filter', args...).</summary>
    private static List<object?> Map(int line, object? value, FilterArgs args)
    {
        List<object?> items = TemplateValues.Iterate(line, value);
        if (args.Named.TryGetValue("attribute", out object? attribute))
        {
            bool hasDefault = args.Named.TryGetValue("default", out object? fallback);
            return items.Select(x => TemplateSorting.Path(line, x, TemplateValues.ToText(attribute)) is var value && value is TemplateUndefined && hasDefault
                ? fallback : value).ToList();
        }

        string filter = args.Get(0, null) as string ?? throw new TemplateError(line, "map needs a filter name or attribute=");
        List<object?> rest = args.Positional.Skip(1).ToList();
        return items.Select(x => Apply(line, filter, x, rest, args.Named)).ToList();
    }

    private sealed record FilterArgs(IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Named)
    {
        public object? Get(int index, string? name) =>
            index < Positional.Count ? Positional[index] : name is not null && Named.TryGetValue(name, out object? v) ? v : null;
    }
}
