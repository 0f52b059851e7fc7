using System.Globalization;
using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>The functions Hugging Face gives chat templates: raise_exception, strftime_now, and Jinja's range,
/// namespace and dict.</summary>
internal static class TemplateGlobals
{
    public static void AddTo(TemplateScope scope, Func<DateTime> now)
    {
        scope.Set("raise_exception", new TemplateCallable("raise_exception", (line, args, _) =>
            throw new TemplateError(line, args.Count > 0 ? TemplateValues.ToText(args[0]) : "raise_exception() called") { RaisedByTemplate = true }));
        scope.Set("range", new TemplateCallable("range", Range));
        scope.Set("namespace", new TemplateCallable("namespace", (_, args, named) =>
        {
            var ns = new TemplateNamespace();
            foreach (object? initial in args)
            {
                if (initial is OrderedDictionary<object, object?> dict)
                {
                    foreach (var entry in dict) ns.Attributes[TemplateValues.ToText(entry.Key)] = entry.Value;
                }
            }

            foreach (var entry in named) ns.Attributes[entry.Key] = entry.Value;
            return ns;
        }));
        scope.Set("dict", new TemplateCallable("dict", (_, _, named) =>
        {
            OrderedDictionary<object, object?> dict = TemplateValues.NewDict();
            foreach (var entry in named) dict[entry.Key] = entry.Value;
            return dict;
        }));
        scope.Set("strftime_now", new TemplateCallable("strftime_now", (line, args, _) =>
            Strftime(line, args.Count > 0 ? TemplateValues.ToText(args[0]) : "", now())));
    }

    private static object? Range(int line, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> named)
    {
        long[] n = args.Select(a => TemplateValues.ToLong(line, a)).ToArray();
        (long start, long stop, long step) = n.Length switch
        {
            1 => (0, n[0], 1),
            2 => (n[0], n[1], 1),
            3 => (n[0], n[1], n[2]),
            _ => throw new TemplateError(line, "range takes 1 to 3 arguments"),
        };
        if (step == 0 || Math.Abs((stop - start) / step) > 100_000)
        {
            throw new TemplateError(line, "range step is zero or the range is too long");
        }

        var items = new List<object?>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            items.Add(i);
        }

        return items;
    }

    /// <summary>The strftime codes date-stamping templates (Llama 3.x) use.</summary>
    private static string Strftime(int line, string format, DateTime time)
    {
        var text = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                text.Append(format[i]);
                continue;
            }

            char code = format[++i];
            text.Append(code switch
            {
                'd' => time.ToString("dd", CultureInfo.InvariantCulture),
                'm' => time.ToString("MM", CultureInfo.InvariantCulture),
                'Y' => time.ToString("yyyy", CultureInfo.InvariantCulture),
                'y' => time.ToString("yy", CultureInfo.InvariantCulture),
                'b' => time.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => time.ToString("MMMM", CultureInfo.InvariantCulture),
                'a' => time.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => time.ToString("dddd", CultureInfo.InvariantCulture),
                'H' => time.ToString("HH", CultureInfo.InvariantCulture),
                'M' => time.ToString("mm", CultureInfo.InvariantCulture),
                'S' => time.ToString("ss", CultureInfo.InvariantCulture),
                'j' => time.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => throw new TemplateError(line, $"unsupported strftime code %{code}"),
            });
        }

        return text.ToString();
    }
}
