namespace Arena.Engine.Tokenization.Templates;

/// <summary>obj.name and obj[key] as Jinja resolves them: a missing key or attribute is undefined, not an error,
/// but anything taken from an undefined value is.</summary>
internal static class TemplateAccess
{
    public static object? Attribute(int line, object? target, string name, string description) => target switch
    {
        TemplateUndefined u => throw u.Error(line),
        OrderedDictionary<object, object?> dict => dict.TryGetValue(name, out object? value) ? value : new TemplateUndefined($"{description}.{name}"),
        TemplateNamespace ns => ns.Attributes.TryGetValue(name, out object? value) ? value : new TemplateUndefined($"{description}.{name}"),
        _ => new TemplateUndefined($"{description}.{name}"),
    };

    public static object? Item(int line, object? target, object? key, string description)
    {
        switch (target)
        {
            case TemplateUndefined u:
                throw u.Error(line);
            case OrderedDictionary<object, object?> dict:
                return key is not null && dict.TryGetValue(key, out object? value) ? value : Missing(description, key);
            case List<object?> list when key is long or bool:
                long index = TemplateValues.ToLong(line, key);
                index = index < 0 ? index + list.Count : index;
                return index >= 0 && index < list.Count ? list[(int)index] : Missing(description, key);
            case string s when key is long or bool:
                List<object?> chars = TemplateValues.StringItems(s);
                long at = TemplateValues.ToLong(line, key);
                at = at < 0 ? at + chars.Count : at;
                return at >= 0 && at < chars.Count ? chars[(int)at] : Missing(description, key);
            case TemplateNamespace ns when key is string name:
                return ns.Attributes.TryGetValue(name, out object? attribute) ? attribute : Missing(description, key);
            default:
                // Jinja tries the attribute when the item is missing; none of our values have one a template can read.
                return Missing(description, key);
        }
    }

    /// <summary>target[start:stop:step] with Python's clamping and negative indices.</summary>
    public static object? Slice(int line, object? target, object? start, object? stop, object? step)
    {
        List<object?> items = target switch
        {
            List<object?> list => list,
            string s => TemplateValues.StringItems(s),
            TemplateUndefined u => throw u.Error(line),
            _ => throw new TemplateError(line, $"{TemplateValues.TypeName(target)} cannot be sliced"),
        };
        long by = step is null ? 1 : TemplateValues.ToLong(line, step);
        if (by == 0)
        {
            throw new TemplateError(line, "slice step cannot be zero");
        }

        int n = items.Count;
        long from = Bound(line, start, n, by > 0 ? 0 : n - 1, by);
        long to = Bound(line, stop, n, by > 0 ? n : -1, by);
        var result = new List<object?>();
        for (long i = from; by > 0 ? i < to : i > to; i += by)
        {
            result.Add(items[(int)i]);
        }

        return target is string ? string.Concat(result.Cast<string>()) : result;
    }

    private static long Bound(int line, object? value, int count, long fallback, long step)
    {
        if (value is null)
        {
            return fallback;
        }

        long index = TemplateValues.ToLong(line, value);
        if (index < 0)
        {
            index += count;
        }

        return step > 0 ? Math.Clamp(index, 0, count) : Math.Clamp(index, -1, count - 1);
    }

    private static TemplateUndefined Missing(string description, object? key) =>
        new($"{description}[{TemplateValues.Repr(key)}]");
}
