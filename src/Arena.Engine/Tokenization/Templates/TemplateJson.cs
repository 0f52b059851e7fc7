using System.Globalization;
using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// The tojson filter as Hugging Face defines it: Python's json.dumps with ensure_ascii=False, default separators
/// (", " and ": ", or "," and ": " when indented) and keys in their order, with no HTML escaping.
/// </summary>
internal static class TemplateJson
{
    /// <param name="separators">json.dumps' (item, key) separators; null for the defaults.</param>
    public static string Serialize(int line, object? value, int? indent, (string Item, string Key)? separators = null,
        bool ensureAscii = false, bool sortKeys = false)
    {
        var text = new StringBuilder();
        new TemplateJsonWriter(line, text, indent, separators ?? (indent is null ? ", " : ",", ": "), ensureAscii, sortKeys).Write(value, 0);
        return text.ToString();
    }

    private sealed record TemplateJsonWriter(int Line, StringBuilder Text, int? Indent, (string Item, string Key) Separators, bool EnsureAscii, bool SortKeys)
    {
        public void Write(object? value, int depth) => TemplateJson.Write(this, value, depth);
    }

    private static void Write(TemplateJsonWriter w, object? value, int depth)
    {
        (int line, StringBuilder text, int? indent) = (w.Line, w.Text, w.Indent);
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case long n:
                text.Append(n.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : TemplateValues.FormatFloat(d));
                break;
            case string s:
                WriteString(text, s, w.EnsureAscii);
                break;
            case List<object?> list:
                WriteContainer(w, '[', ']', list.Count, depth, i => Write(w, list[i], depth + 1));
                break;
            case OrderedDictionary<object, object?> dict:
                var entries = dict.ToList();
                if (w.SortKeys)
                {
                    entries = entries.OrderBy(e => TemplateValues.ToText(e.Key), StringComparer.Ordinal).ToList();
                }

                WriteContainer(w, '{', '}', dict.Count, depth, i =>
                {
                    (object key, object? item) = (entries[i].Key, entries[i].Value);
                    WriteString(text, key as string ?? TemplateValues.ToText(key), w.EnsureAscii);
                    text.Append(w.Separators.Key);
                    Write(w, item, depth + 1);
                });
                break;
            case TemplateUndefined u:
                throw u.Error(line);
            default:
                throw new TemplateError(line, $"Object of type {TemplateValues.TypeName(value)} is not JSON serializable");
        }
    }

    private static void WriteContainer(TemplateJsonWriter w, char open, char close, int count, int depth, Action<int> writeItem)
    {
        (StringBuilder text, int? indent) = (w.Text, w.Indent);
        text.Append(open);
        if (count == 0)
        {
            text.Append(close);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(w.Separators.Item);
            }

            if (indent is { } step)
            {
                text.Append('\n').Append(' ', step * (depth + 1));
            }

            writeItem(i);
        }

        if (indent is { } n)
        {
            text.Append('\n').Append(' ', n * depth);
        }

        text.Append(close);
    }

    private static void WriteString(StringBuilder text, string s, bool ensureAscii)
    {
        text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ':
                case > '~' when ensureAscii:
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
