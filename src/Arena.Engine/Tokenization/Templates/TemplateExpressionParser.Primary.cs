namespace Arena.Engine.Tokenization.Templates;

/// <summary>Primaries: literals (adjacent strings join), names, parenthesised tuples, lists, dicts; and call arguments.</summary>
internal sealed partial class TemplateExpressionParser
{
    private TemplateArguments ParseArguments()
    {
        tokens.ExpectOperator("(");
        var positional = new List<TemplateExpression>();
        var named = new List<(string, TemplateExpression)>();
        while (!tokens.TakeOperator(")"))
        {
            if (tokens.Current.Kind == TemplateTokenKind.Name && tokens.Peek().Is(TemplateTokenKind.Operator, "="))
            {
                string name = tokens.Next().Text;
                tokens.Next();
                named.Add((name, Parse()));
            }
            else
            {
                positional.Add(Parse());
            }

            if (!tokens.IsOperator(")"))
            {
                tokens.ExpectOperator(",");
            }
        }

        return new TemplateArguments(positional, named);
    }

    private TemplateExpression ParsePrimary()
    {
        TemplateToken token = tokens.Next();
        switch (token.Kind)
        {
            case TemplateTokenKind.String:
                // Adjacent literals join, as in Python: 'a' 'b' is 'ab'.
                string text = (string)token.Literal!;
                while (tokens.Current.Kind == TemplateTokenKind.String)
                {
                    text += (string)tokens.Next().Literal!;
                }

                return new LiteralExpression(token.Line, text);
            case TemplateTokenKind.Number:
                return new LiteralExpression(token.Line, token.Literal);
            case TemplateTokenKind.Name:
                return token.Text switch
                {
                    "true" or "True" => new LiteralExpression(token.Line, true),
                    "false" or "False" => new LiteralExpression(token.Line, false),
                    "none" or "None" => new LiteralExpression(token.Line, null),
                    _ => new NameExpression(token.Line, token.Text),
                };
            case TemplateTokenKind.Operator when token.Text == "(":
                if (tokens.TakeOperator(")"))
                {
                    return new ListExpression(token.Line, []);
                }

                TemplateExpression inner = ParseTuple();
                tokens.ExpectOperator(")");
                return inner;
            case TemplateTokenKind.Operator when token.Text == "[":
                return new ListExpression(token.Line, ParseItems("]"));
            case TemplateTokenKind.Operator when token.Text == "{":
                return ParseDict(token.Line);
            default:
                throw new TemplateError(token.Line, $"unexpected {token} in an expression");
        }
    }

    private List<TemplateExpression> ParseItems(string close)
    {
        var items = new List<TemplateExpression>();
        while (!tokens.TakeOperator(close))
        {
            items.Add(Parse());
            if (!tokens.IsOperator(close))
            {
                tokens.ExpectOperator(",");
            }
        }

        return items;
    }

    private DictExpression ParseDict(int line)
    {
        var entries = new List<(TemplateExpression, TemplateExpression)>();
        while (!tokens.TakeOperator("}"))
        {
            TemplateExpression key = Parse();
            tokens.ExpectOperator(":");
            entries.Add((key, Parse()));
            if (!tokens.IsOperator("}"))
            {
                tokens.ExpectOperator(",");
            }
        }

        return new DictExpression(line, entries);
    }
}
