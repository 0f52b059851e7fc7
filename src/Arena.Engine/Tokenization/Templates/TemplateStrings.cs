using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>Python's str methods as templates call them (strip, split, title, replace, ...).</summary>
internal static class TemplateStrings
{
    /// <summary>str.strip/lstrip/rstrip: Python's whitespace by default, else any of <paramref name="chars"/>.</summary>
    public static string Strip(string s, string? chars, bool left, bool right)
    {
        Func<char, bool> strip = chars is null ? char.IsWhiteSpace : chars.Contains;
        int start = 0;
        int end = s.Length;
        while (left && start < end && strip(s[start]))
        {
            start++;
        }

        while (right && end > start && strip(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    /// <summary>str.title: a letter after a non-letter is upper case, every other letter lower case.</summary>
    public static string Title(string s)
    {
        var text = new StringBuilder(s.Length);
        bool previousIsLetter = false;
        foreach (char c in s)
        {
            text.Append(previousIsLetter ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousIsLetter = char.IsLetter(c);
        }

        return text.ToString();
    }

    public static string Replace(int line, string s, object? old, object? replacement, object? count)
    {
        if (old is not string from || replacement is not string to)
        {
            throw new TemplateError(line, "replace needs two strings");
        }

        long limit = count is null ? -1 : TemplateValues.ToLong(line, count);
        if (from.Length == 0)
        {
            // Python inserts the replacement before every character and at the end, up to count times.
            List<object?> chars = TemplateValues.StringItems(s);
            var result = new StringBuilder();
            for (int i = 0; i <= chars.Count; i++)
            {
                result.Append(limit < 0 || i < limit ? to : "").Append(i < chars.Count ? (string)chars[i]! : "");
            }

            return result.ToString();
        }

        if (limit < 0)
        {
            return s.Replace(from, to, StringComparison.Ordinal);
        }

        var text = new StringBuilder();
        int pos = 0;
        for (long n = 0; n < limit && from.Length > 0; n++)
        {
            int at = s.IndexOf(from, pos, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            text.Append(s, pos, at - pos).Append(to);
            pos = at + from.Length;
        }

        return text.Append(s, pos, s.Length - pos).ToString();
    }

    /// <summary>str.split(sep=None, maxsplit=-1): no separator splits on whitespace runs and drops empty parts.</summary>
    public static List<object?> Split(int line, string s, object? separator, object? maxSplit)
    {
        long limit = maxSplit is null ? -1 : TemplateValues.ToLong(line, maxSplit);
        int count = limit < 0 ? int.MaxValue : (int)Math.Min(int.MaxValue - 1, limit + 1);
        if (separator is null)
        {
            return SplitWhitespace(s, limit);
        }

        string sep = separator as string ?? throw new TemplateError(line, "split needs a string separator");
        if (sep.Length == 0)
        {
            throw new TemplateError(line, "empty separator");
        }

        return s.Split(sep, count).Cast<object?>().ToList();
    }

    /// <summary>Python's split() without a separator: runs of whitespace split, the rest after maxsplit keeps its trailing space.</summary>
    private static List<object?> SplitWhitespace(string s, long limit)
    {
        var parts = new List<object?>();
        int i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= s.Length)
            {
                return parts;
            }

            if (limit >= 0 && parts.Count == limit)
            {
                parts.Add(s[i..]);
                return parts;
            }

            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            parts.Add(s[start..i]);
        }
    }

    /// <summary>startswith/endswith take a string or a tuple of strings.</summary>
    public static bool Affix(int line, string s, object? affix, bool start)
    {
        IEnumerable<object?> options = affix is List<object?> list ? list : [affix];
        return options.Any(o => o is string x
            ? start ? s.StartsWith(x, StringComparison.Ordinal) : s.EndsWith(x, StringComparison.Ordinal)
            : throw new TemplateError(line, $"{(start ? "startswith" : "endswith")} needs a string"));
    }
}
