using System.Globalization;
using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>The tokens inside a tag: names, numbers, Python string literals with their escapes, operators.</summary>
internal sealed partial class TemplateLexer
{
    private static readonly string[] Operators =
        ["==", "!=", "<=", ">=", "//", "**", "<", ">", "+", "-", "*", "/", "%", "~", "|", ".", ",", ":", "(", ")", "[", "]", "{", "}", "="];

    private int LexOne(string source, int pos, int line, List<TemplateToken> tokens)
    {
        char c = source[pos];
        if (char.IsLetter(c) || c == '_')
        {
            int end = pos;
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_'))
            {
                end++;
            }

            tokens.Add(new TemplateToken(TemplateTokenKind.Name, source[pos..end], line));
            return end;
        }

        if (char.IsAsciiDigit(c))
        {
            return LexNumber(source, pos, line, tokens);
        }

        if (c is '\'' or '"')
        {
            return LexString(source, pos, line, tokens);
        }

        foreach (string op in Operators)
        {
            if (string.CompareOrdinal(source, pos, op, 0, op.Length) == 0)
            {
                tokens.Add(new TemplateToken(TemplateTokenKind.Operator, op, line));
                return pos + op.Length;
            }
        }

        throw new TemplateError(line, $"unexpected character '{c}'");
    }

    private int LexNumber(string source, int pos, int line, List<TemplateToken> tokens)
    {
        int end = pos;
        while (end < source.Length && (char.IsAsciiDigit(source[end]) || source[end] == '_'))
        {
            end++;
        }

        bool isFloat = end + 1 < source.Length && source[end] == '.' && char.IsAsciiDigit(source[end + 1]);
        if (isFloat)
        {
            end++;
            while (end < source.Length && char.IsAsciiDigit(source[end]))
            {
                end++;
            }
        }

        string text = source[pos..end].Replace("_", "");
        object value = isFloat ? double.Parse(text, CultureInfo.InvariantCulture) : (object)long.Parse(text, CultureInfo.InvariantCulture);
        tokens.Add(new TemplateToken(TemplateTokenKind.Number, text, line) { Literal = value });
        return end;
    }

    /// <summary>A Python string literal with its backslash escapes.</summary>
    private int LexString(string source, int pos, int line, List<TemplateToken> tokens)
    {
        char quote = source[pos];
        var text = new StringBuilder();
        int i = pos + 1;
        for (; i < source.Length && source[i] != quote; i++)
        {
            if (source[i] != '\\' || i + 1 >= source.Length)
            {
                text.Append(source[i]);
                continue;
            }

            char e = source[++i];
            switch (e)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case '0': text.Append('\0'); break;
                case '\\' or '\'' or '"': text.Append(e); break;
                case '\n': break;
                case 'u' or 'x' when i + (e == 'u' ? 4 : 2) < source.Length:
                    int digits = e == 'u' ? 4 : 2;
                    text.Append((char)Convert.ToInt32(source.Substring(i + 1, digits), 16));
                    i += digits;
                    break;
                default: text.Append('\\').Append(e); break;
            }
        }

        if (i >= source.Length)
        {
            throw new TemplateError(line, "string literal is never closed");
        }

        tokens.Add(new TemplateToken(TemplateTokenKind.String, source[pos..(i + 1)], line) { Literal = text.ToString() });
        return i + 1;
    }
}
