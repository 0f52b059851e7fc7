using System.Globalization;
using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Python semantics for the values templates work on: string, long, double, bool, null (None), List (lists and
/// tuples), OrderedDictionary (dicts keep their order), <see cref="TemplateNamespace"/>, <see cref="TemplateCallable"/>
/// and <see cref="TemplateUndefined"/>.
/// </summary>
internal static class TemplateValues
{
    public static bool IsTruthy(object? value) => value switch
    {
        null or TemplateUndefined => false,
        bool b => b,
        long n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        OrderedDictionary<object, object?> dict => dict.Count > 0,
        _ => true,
    };

    /// <summary>Python's str(): what {{ }} prints.</summary>
    public static string ToText(object? value) => value switch
    {
        string s => s,
        TemplateUndefined => "",
        _ => Repr(value),
    };

    /// <summary>Python's repr(), used for containers and their items.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        string s => QuoteString(s),
        List<object?> list => "[" + string.Join(", ", list.Select(Repr)) + "]",
        OrderedDictionary<object, object?> dict => "{" + string.Join(", ", dict.Select(e => Repr(e.Key) + ": " + Repr(e.Value))) + "}",
        TemplateUndefined => "",
        TemplateNamespace => "<Namespace>",
        TemplateCallable c => $"<function {c.Name}>",
        _ => value.ToString() ?? "",
    };

    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text.Replace("E", "e") : text + ".0";
    }

    private static string QuoteString(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (char c in s)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ => c.ToString(),
            });
        }

        return text.Append(quote).ToString();
    }

    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        OrderedDictionary<object, object?> => "dict",
        TemplateUndefined => "undefined",
        TemplateNamespace => "namespace",
        TemplateCallable => "function",
        _ => value.GetType().Name,
    };

    public static bool AreEqual(object? a, object? b)
    {
        if (a is TemplateUndefined || b is TemplateUndefined)
        {
            return a is TemplateUndefined && b is TemplateUndefined;
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return ToDouble(a) == ToDouble(b);
        }

        return (a, b) switch
        {
            (null, null) => true,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => AreEqual(p.First, p.Second)),
            (OrderedDictionary<object, object?> x, OrderedDictionary<object, object?> y) =>
                x.Count == y.Count && x.All(e => y.TryGetValue(e.Key, out object? v) && AreEqual(e.Value, v)),
            _ => ReferenceEquals(a, b) || (a is not null && a.Equals(b)),
        };
    }

    /// <summary>Order of two numbers or two strings (ordinal), as Python's &lt;.</summary>
    public static int Compare(int line, object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return ToDouble(a).CompareTo(ToDouble(b));
        }

        if (a is string x && b is string y)
        {
            return string.CompareOrdinal(x, y);
        }

        throw new TemplateError(line, $"cannot compare {TypeName(a)} with {TypeName(b)}");
    }

    public static bool IsNumber(object? value) => value is long or double or bool;

    public static double ToDouble(object? value) => value switch
    {
        long n => n,
        double d => d,
        bool b => b ? 1 : 0,
        _ => double.NaN,
    };

    public static long ToLong(int line, object? value) => value switch
    {
        long n => n,
        bool b => b ? 1 : 0,
        double d => (long)d,
        _ => throw new TemplateError(line, $"expected an integer, got {TypeName(value)}"),
    };

    /// <summary>The items a for loop, a filter or "in" walks: list items, dict keys, string characters.</summary>
    public static List<object?> Iterate(int line, object? value) => value switch
    {
        List<object?> list => list,
        OrderedDictionary<object, object?> dict => dict.Keys.Cast<object?>().ToList(),
        string s => StringItems(s),
        TemplateUndefined => [],
        _ => throw new TemplateError(line, $"{TypeName(value)} is not iterable"),
    };

    /// <summary>A string's items are its code points (Python strings are not UTF-16).</summary>
    public static List<object?> StringItems(string s)
    {
        var items = new List<object?>(s.Length);
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            items.Add(char.IsSurrogatePair(s, i) ? s.Substring(i, 2) : s[i].ToString());
        }

        return items;
    }

    public static long Length(int line, object? value) => value switch
    {
        string s => s.EnumerateRunes().Count(),
        List<object?> list => list.Count,
        OrderedDictionary<object, object?> dict => dict.Count,
        TemplateUndefined => 0,
        _ => throw new TemplateError(line, $"{TypeName(value)} has no length"),
    };

    public static bool Contains(int line, object? container, object? item) => container switch
    {
        string s when item is string sub => s.Contains(sub, StringComparison.Ordinal),
        string => throw new TemplateError(line, $"'in <string>' needs a string on the left, got {TypeName(item)}"),
        List<object?> list => list.Any(x => AreEqual(x, item)),
        OrderedDictionary<object, object?> dict => item is not null && dict.ContainsKey(item),
        TemplateUndefined => false, // Undefined iterates as empty.
        _ => throw new TemplateError(line, $"argument of type {TypeName(container)} is not iterable"),
    };

    public static OrderedDictionary<object, object?> NewDict() => new();
}
