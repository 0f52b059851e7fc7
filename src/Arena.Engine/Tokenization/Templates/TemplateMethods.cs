namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Methods templates call on values: str (strip, split, startswith, upper, replace, ...) and dict (items, keys,
/// values, get). Mutating methods (list.append, dict.update) are refused, as in Hugging Face's immutable sandbox.
/// </summary>
internal static class TemplateMethods
{
    public static object? Call(int line, object? target, string name, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> named)
    {
        object? Arg(int i, string? key = null) =>
            i < args.Count ? args[i] : key is not null && named.TryGetValue(key, out object? v) ? v : null;

        switch (target)
        {
            case string s:
                return name switch
                {
                    "strip" => TemplateStrings.Strip(s, Arg(0, "chars") as string, true, true),
                    "lstrip" => TemplateStrings.Strip(s, Arg(0, "chars") as string, true, false),
                    "rstrip" => TemplateStrings.Strip(s, Arg(0, "chars") as string, false, true),
                    "split" => TemplateStrings.Split(line, s, Arg(0, "sep"), Arg(1, "maxsplit")),
                    "splitlines" => s.ReplaceLineEndings("\n").Split('\n').SkipLast(s.EndsWith('\n') ? 1 : 0).Cast<object?>().ToList(),
                    "startswith" => TemplateStrings.Affix(line, s, Arg(0), start: true),
                    "endswith" => TemplateStrings.Affix(line, s, Arg(0), start: false),
                    "upper" => s.ToUpperInvariant(),
                    "lower" => s.ToLowerInvariant(),
                    "title" => TemplateStrings.Title(s),
                    "capitalize" => TemplateStrings.Capitalize(s),
                    "replace" => TemplateStrings.Replace(line, s, Arg(0), Arg(1), Arg(2, "count")),
                    "find" => (long)s.IndexOf(Arg(0) as string ?? "", StringComparison.Ordinal),
                    "count" => (long)CountOf(s, Arg(0) as string ?? ""),
                    "join" => string.Join(s, TemplateValues.Iterate(line, Arg(0)).Select(TemplateValues.ToText)),
                    "isdigit" => s.Length > 0 && s.All(char.IsDigit),
                    "isspace" => s.Length > 0 && s.All(char.IsWhiteSpace),
                    _ => throw Unsupported(line, target, name),
                };
            case OrderedDictionary<object, object?> dict:
                return name switch
                {
                    "items" => Items(dict),
                    "keys" => dict.Keys.Cast<object?>().ToList(),
                    "values" => dict.Values.ToList(),
                    "get" => Arg(0) is { } key && dict.TryGetValue(key, out object? value) ? value : Arg(1),
                    _ => throw Unsupported(line, target, name),
                };
            case TemplateUndefined u:
                throw u.Error(line);
            default:
                throw Unsupported(line, target, name);
        }
    }

    /// <summary>dict.items(): (key, value) pairs, as two-item lists (our tuples).</summary>
    public static List<object?> Items(OrderedDictionary<object, object?> dict) =>
        dict.Select(e => (object?)new List<object?> { e.Key, e.Value }).ToList();

    private static int CountOf(string s, string sub)
    {
        if (sub.Length == 0)
        {
            return s.Length + 1;
        }

        int count = 0;
        for (int at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + sub.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static TemplateError Unsupported(int line, object? target, string name) =>
        new(line, $"unsupported method {TemplateValues.TypeName(target)}.{name}()");
}
