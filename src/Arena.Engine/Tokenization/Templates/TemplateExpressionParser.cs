namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Jinja's expression grammar, loosest binding first: x if c else y, or, and, not, comparisons and in / not in,
/// + -, ~, * / // %, **, unary - +, then a primary with its postfixes (.attr, [index], [a:b:c], (call)),
/// filters (| name(args)) and tests (is [not] name(args)).
/// </summary>
internal sealed partial class TemplateExpressionParser(TemplateTokenCursor tokens)
{
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", ">", "<=", ">="];

    public TemplateExpression Parse(bool allowConditional = true)
    {
        TemplateExpression value = ParseOr();
        if (allowConditional && tokens.IsName("if"))
        {
            int line = tokens.Next().Line;
            TemplateExpression condition = ParseOr();
            TemplateExpression? otherwise = tokens.TakeName("else") ? Parse() : null;
            return new ConditionalExpression(line, condition, value, otherwise);
        }

        return value;
    }

    /// <summary>An expression, or several separated by commas as a tuple (a list here).</summary>
    public TemplateExpression ParseTuple()
    {
        int line = tokens.Current.Line;
        TemplateExpression first = Parse();
        if (!tokens.IsOperator(","))
        {
            return first;
        }

        var items = new List<TemplateExpression> { first };
        while (tokens.TakeOperator(",") && !IsTupleEnd())
        {
            items.Add(Parse());
        }

        return new ListExpression(line, items);
    }

    private bool IsTupleEnd() => tokens.Current.Kind is TemplateTokenKind.StatementEnd or TemplateTokenKind.OutputEnd
        || tokens.IsOperator(")") || tokens.IsOperator("=");

    /// <summary>For-loop iterables and conditions stop before "if" (the loop filter).</summary>
    public TemplateExpression ParseWithoutConditional() => Parse(allowConditional: false);

    private TemplateExpression ParseOr() => ParseLeft(ParseAnd, "or");

    private TemplateExpression ParseAnd() => ParseLeft(ParseNot, "and");

    private TemplateExpression ParseLeft(Func<TemplateExpression> operand, string keyword)
    {
        TemplateExpression left = operand();
        while (tokens.IsName(keyword))
        {
            int line = tokens.Next().Line;
            left = new BinaryExpression(line, keyword, left, operand());
        }

        return left;
    }

    private TemplateExpression ParseNot()
    {
        if (tokens.IsName("not"))
        {
            int line = tokens.Next().Line;
            return new UnaryExpression(line, "not", ParseNot());
        }

        return ParseCompare();
    }

    private TemplateExpression ParseCompare()
    {
        TemplateExpression left = ParseAdditive();
        while (true)
        {
            TemplateToken token = tokens.Current;
            string? op = null;
            if (token.Kind == TemplateTokenKind.Operator && Comparisons.Contains(token.Text))
            {
                op = token.Text;
                tokens.Next();
            }
            else if (tokens.IsName("in"))
            {
                op = "in";
                tokens.Next();
            }
            else if (tokens.IsName("not") && tokens.Peek().Is(TemplateTokenKind.Name, "in"))
            {
                op = "not in";
                tokens.Next();
                tokens.Next();
            }

            if (op is null)
            {
                return left;
            }

            left = new BinaryExpression(token.Line, op, left, ParseAdditive());
        }
    }

    private TemplateExpression ParseAdditive() => ParseBinary(ParseConcat, "+", "-");

    private TemplateExpression ParseConcat() => ParseBinary(ParseMultiplicative, "~");

    private TemplateExpression ParseMultiplicative() => ParseBinary(ParsePower, "*", "/", "//", "%");

    private TemplateExpression ParsePower() => ParseBinary(() => ParseUnary(), "**");

    private TemplateExpression ParseBinary(Func<TemplateExpression> operand, params string[] ops)
    {
        TemplateExpression left = operand();
        while (tokens.Current.Kind == TemplateTokenKind.Operator && ops.Contains(tokens.Current.Text))
        {
            TemplateToken op = tokens.Next();
            left = new BinaryExpression(op.Line, op.Text, left, operand());
        }

        return left;
    }

    /// <summary>As in Jinja, "-x | abs" applies the filter to -x: the operand of a sign takes no filters itself.</summary>
    private TemplateExpression ParseUnary(bool withFilters = true)
    {
        TemplateExpression value;
        if (tokens.IsOperator("-") || tokens.IsOperator("+"))
        {
            TemplateToken op = tokens.Next();
            value = new UnaryExpression(op.Line, op.Text, ParseUnary(withFilters: false));
        }
        else
        {
            value = ParsePostfix(ParsePrimary());
        }

        return withFilters ? ParseFiltersAndTests(value) : value;
    }

    private TemplateExpression ParseFiltersAndTests(TemplateExpression value)
    {
        while (true)
        {
            if (tokens.TakeOperator("|"))
            {
                int line = tokens.Current.Line;
                string name = tokens.ExpectName();
                if (!TemplateFilters.Exists(name))
                {
                    throw new TemplateError(line, $"unsupported Jinja filter '{name}'");
                }

                TemplateArguments args = tokens.IsOperator("(") ? ParseArguments() : TemplateArguments.None;
                value = ParsePostfix(new FilterExpression(line, value, name, args));
            }
            else if (tokens.IsName("is"))
            {
                int line = tokens.Next().Line;
                bool negated = tokens.TakeName("not");
                string name = tokens.ExpectName();
                if (!TemplateTests.Exists(name))
                {
                    throw new TemplateError(line, $"unsupported Jinja test '{name}'");
                }

                TemplateArguments args = tokens.IsOperator("(") ? ParseArguments()
                    : StartsTestArgument() ? new TemplateArguments([ParsePostfix(ParsePrimary())], []) : TemplateArguments.None;
                value = new TestExpression(line, value, name, negated, args);
            }
            else
            {
                return value;
            }
        }
    }

    /// <summary>"x is divisibleby 3", "x is sameas none": a test may take one argument without parentheses.</summary>
    private bool StartsTestArgument() => tokens.Current.Kind is TemplateTokenKind.Number or TemplateTokenKind.String
        || (tokens.Current.Kind == TemplateTokenKind.Name && tokens.Current.Text is not ("and" or "or" or "if" or "else" or "in" or "not" or "is"));

    private TemplateExpression ParsePostfix(TemplateExpression value)
    {
        while (true)
        {
            int line = tokens.Current.Line;
            if (tokens.TakeOperator("."))
            {
                TemplateToken name = tokens.Next();
                value = name.Kind switch
                {
                    TemplateTokenKind.Name => new AttributeExpression(line, value, name.Text),
                    TemplateTokenKind.Number => new IndexExpression(line, value, new LiteralExpression(line, name.Literal)),
                    _ => throw new TemplateError(line, $"expected an attribute name after '.', found {name}"),
                };
            }
            else if (tokens.TakeOperator("["))
            {
                value = ParseSubscript(line, value);
            }
            else if (tokens.IsOperator("("))
            {
                value = new CallExpression(line, value, ParseArguments());
            }
            else
            {
                return value;
            }
        }
    }

    private TemplateExpression ParseSubscript(int line, TemplateExpression target)
    {
        TemplateExpression? start = tokens.IsOperator(":") ? null : Parse();
        if (tokens.TakeOperator("]"))
        {
            return new IndexExpression(line, target, start!);
        }

        tokens.ExpectOperator(":");
        TemplateExpression? stop = tokens.IsOperator(":") || tokens.IsOperator("]") ? null : Parse();
        TemplateExpression? step = null;
        if (tokens.TakeOperator(":") && !tokens.IsOperator("]"))
        {
            step = Parse();
        }

        tokens.ExpectOperator("]");
        return new SliceExpression(line, target, start, stop, step);
    }
}
