using System.Globalization;
using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// The tojson filter as Hugging Face defines it: Python's json.dumps with ensure_ascii=False, default separators
/// (", " and ": ", or "," and ": " when indented) and keys in their order, with no HTML escaping.
/// </summary>
internal static class TemplateJson
{
    public static string Serialize(int line, object? value, int? indent)
    {
        var text = new StringBuilder();
        Write(line, text, value, indent, 0);
        return text.ToString();
    }

    private static void Write(int line, StringBuilder text, object? value, int? indent, int depth)
    {
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
                WriteString(text, s);
                break;
            case List<object?> list:
                WriteContainer(text, '[', ']', list.Count, indent, depth, i => Write(line, text, list[i], indent, depth + 1));
                break;
            case OrderedDictionary<object, object?> dict:
                WriteContainer(text, '{', '}', dict.Count, indent, depth, i =>
                {
                    (object key, object? item) = (dict.GetAt(i).Key, dict.GetAt(i).Value);
                    WriteString(text, key as string ?? TemplateValues.ToText(key));
                    text.Append(": ");
                    Write(line, text, item, indent, depth + 1);
                });
                break;
            case TemplateUndefined u:
                throw u.Error(line);
            default:
                throw new TemplateError(line, $"Object of type {TemplateValues.TypeName(value)} is not JSON serializable");
        }
    }

    private static void WriteContainer(StringBuilder text, char open, char close, int count, int? indent, int depth, Action<int> writeItem)
    {
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
                text.Append(indent is null ? ", " : ",");
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

    private static void WriteString(StringBuilder text, string s)
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
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
