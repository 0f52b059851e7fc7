namespace Arena.Engine.Tokenization.Templates;

/// <summary>The sort and dictsort filters: stable, case-insensitive for strings unless asked otherwise, as in Jinja.</summary>
internal static class TemplateSorting
{
    public static List<object?> Sort(int line, List<object?> items, bool reverse, bool caseSensitive, Func<object?, object?> key)
    {
        object? Key(object? item) => key(item) is string s && !caseSensitive ? s.ToLowerInvariant() : key(item);
        Comparison<object?> compare = (a, b) => TemplateValues.Compare(line, Key(a), Key(b));
        try
        {
            return reverse
                ? items.OrderByDescending(x => x, Comparer<object?>.Create(compare)).ToList()
                : items.OrderBy(x => x, Comparer<object?>.Create(compare)).ToList();
        }
        catch (InvalidOperationException e) when (e.InnerException is TemplateError inner)
        {
            throw inner; // the sort wraps our comparison's error
        }
    }

    /// <summary>attribute="a.b" walks nested items.</summary>
    public static object? Path(int line, object? item, string path)
    {
        foreach (string part in path.Split('.'))
        {
            item = long.TryParse(part, out long index) && item is List<object?>
                ? TemplateAccess.Item(line, item, index, "item")
                : TemplateAccess.Attribute(line, item, part, "item");
        }

        return item;
    }
}
