namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Splits a Jinja source into text runs and tag tokens, with the whitespace rules Hugging Face renders chat templates
/// with: trim_blocks (the newline after a %} or #} goes), lstrip_blocks (spaces and tabs before a {% or {# on its own
/// line go), "-" on a tag strips all whitespace on that side, and one trailing newline of the source goes
/// (keep_trailing_newline is off).
/// </summary>
internal sealed partial class TemplateLexer
{
    private readonly List<int> _newlines = [];

    private TemplateLexer(string source)
    {
        for (int i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
        {
            _newlines.Add(i);
        }
    }

    public static List<TemplateToken> Tokenize(string source)
    {
        if (source.EndsWith('\n'))
        {
            source = source.EndsWith("\r\n", StringComparison.Ordinal) ? source[..^2] : source[..^1];
        }

        return new TemplateLexer(source).Run(source);
    }

    private List<TemplateToken> Run(string source)
    {
        var tokens = new List<TemplateToken>();
        int pos = 0;
        bool stripNext = false;
        while (pos < source.Length)
        {
            int open = FindTagStart(source, pos);
            int textEnd = open < 0 ? source.Length : open;
            string text = source[pos..textEnd];
            bool lineStart = pos == 0 || source[pos - 1] == '\n';
            if (stripNext)
            {
                text = text.TrimStart();
                lineStart = false;
            }

            if (open < 0)
            {
                AddText(tokens, text, source, pos);
                break;
            }

            char kind = source[open + 1];
            char modifier = open + 2 < source.Length ? source[open + 2] : '\0';
            if (modifier == '-')
            {
                text = text.TrimEnd();
            }
            else if (modifier != '+' && kind != '{')
            {
                text = LstripBlock(text, lineStart);
            }

            AddText(tokens, text, source, pos);
            int inner = open + 2 + (modifier is '-' or '+' ? 1 : 0);
            int line = LineOf(source, open);
            (pos, stripNext) = kind switch
            {
                '#' => SkipComment(source, inner, line),
                '{' => LexTag(source, inner, "}}", line, TemplateTokenKind.OutputStart, TemplateTokenKind.OutputEnd, tokens),
                _ => LexTag(source, inner, "%}", line, TemplateTokenKind.StatementStart, TemplateTokenKind.StatementEnd, tokens),
            };
        }

        tokens.Add(new TemplateToken(TemplateTokenKind.End, "", LineOf(source, source.Length)));
        return tokens;
    }

    private static int FindTagStart(string source, int from)
    {
        for (int i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Drops spaces/tabs between the line's start and a block tag when nothing else is on that line.</summary>
    private static string LstripBlock(string text, bool textStartsLine)
    {
        int lastNewline = text.LastIndexOf('\n');
        if (lastNewline < 0 && !textStartsLine)
        {
            return text;
        }

        int from = lastNewline + 1;
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r'))
            {
                return text;
            }
        }

        return text[..from];
    }

    private void AddText(List<TemplateToken> tokens, string text, string source, int pos)
    {
        if (text.Length > 0)
        {
            tokens.Add(new TemplateToken(TemplateTokenKind.Text, text, LineOf(source, pos)));
        }
    }

    private (int Pos, bool StripNext) SkipComment(string source, int from, int line)
    {
        int close = source.IndexOf("#}", from, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new TemplateError(line, "comment {# is never closed");
        }

        bool strip = source[close - 1] == '-' && close - 1 >= from;
        return (TrimBlockNewline(source, close + 2, strip), strip);
    }

    /// <summary>trim_blocks: a block or comment tag eats the one newline right after it.</summary>
    private static int TrimBlockNewline(string source, int pos, bool stripping)
    {
        if (stripping)
        {
            return pos;
        }

        if (pos < source.Length && source[pos] == '\n')
        {
            return pos + 1;
        }

        return pos + 1 < source.Length && source[pos] == '\r' && source[pos + 1] == '\n' ? pos + 2 : pos;
    }

    private (int Pos, bool StripNext) LexTag(
        string source, int pos, string close, int line, TemplateTokenKind start, TemplateTokenKind end, List<TemplateToken> tokens)
    {
        tokens.Add(new TemplateToken(start, "", line));
        int depth = 0; // open ( [ {: a "}}" inside a dict literal does not close the tag
        while (true)
        {
            while (pos < source.Length && char.IsWhiteSpace(source[pos]))
            {
                pos++;
            }

            if (pos >= source.Length)
            {
                throw new TemplateError(line, $"tag is never closed with {close}");
            }

            line = LineOf(source, pos);
            bool dashClose = source[pos] == '-' && string.CompareOrdinal(source, pos + 1, close, 0, 2) == 0;
            if (depth == 0 && (dashClose || string.CompareOrdinal(source, pos, close, 0, 2) == 0))
            {
                tokens.Add(new TemplateToken(end, "", line));
                int after = pos + (dashClose ? 3 : 2);
                return (close == "%}" ? TrimBlockNewline(source, after, dashClose) : after, dashClose);
            }

            pos = LexOne(source, pos, line, tokens);
            depth += tokens[^1] switch
            {
                { Kind: TemplateTokenKind.Operator, Text: "(" or "[" or "{" } => 1,
                { Kind: TemplateTokenKind.Operator, Text: ")" or "]" or "}" } => depth > 0 ? -1 : 0,
                _ => 0,
            };
        }
    }

    /// <summary>1-based line of a position: one more than the newlines before it.</summary>
    private int LineOf(string source, int pos)
    {
        int index = _newlines.BinarySearch(Math.Min(pos, source.Length));
        return (index >= 0 ? index : ~index) + 1;
    }
}
