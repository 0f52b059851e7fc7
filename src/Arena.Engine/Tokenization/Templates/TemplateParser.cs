namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Builds the statement tree: if/elif/else, for (with a loop filter and else), set (plain, tuple, namespace
/// attribute, block), macro, break/continue and generation. Any other tag is an unsupported construct and fails
/// here, at load time, rather than when a chat is rendered.
/// </summary>
internal sealed class TemplateParser
{
    private readonly TemplateTokenCursor _tokens;
    private readonly TemplateExpressionParser _expressions;

    private TemplateParser(List<TemplateToken> tokens)
    {
        _tokens = new TemplateTokenCursor(tokens);
        _expressions = new TemplateExpressionParser(_tokens);
    }

    public static IReadOnlyList<TemplateStatement> Parse(string source)
    {
        var parser = new TemplateParser(TemplateLexer.Tokenize(source));
        (List<TemplateStatement> body, string? end) = parser.ParseBody();
        if (end is not null)
        {
            throw new TemplateError(parser._tokens.Current.Line, $"unexpected {{% {end} %}}");
        }

        return body;
    }

    /// <summary>Statements up to the end of the template or to a closing tag (endif, else, ...), which it consumes the name of.</summary>
    private (List<TemplateStatement> Body, string? End) ParseBody(params string[] ends)
    {
        var body = new List<TemplateStatement>();
        while (true)
        {
            TemplateToken token = _tokens.Next();
            switch (token.Kind)
            {
                case TemplateTokenKind.End:
                    if (ends.Length > 0)
                    {
                        throw new TemplateError(token.Line, $"template ends before {{% {ends[^1]} %}}");
                    }

                    return (body, null);
                case TemplateTokenKind.Text:
                    body.Add(new TextStatement(token.Line, token.Text));
                    break;
                case TemplateTokenKind.OutputStart:
                    body.Add(new OutputStatement(token.Line, _expressions.Parse()));
                    _tokens.Expect(TemplateTokenKind.OutputEnd, "'}}'");
                    break;
                case TemplateTokenKind.StatementStart:
                    if (_tokens.Current.Kind == TemplateTokenKind.Name && ends.Contains(_tokens.Current.Text))
                    {
                        return (body, _tokens.Next().Text);
                    }

                    body.Add(ParseStatement());
                    break;
                default:
                    throw new TemplateError(token.Line, $"unexpected {token}");
            }
        }
    }

    private TemplateStatement ParseStatement()
    {
        TemplateToken keyword = _tokens.Current;
        if (keyword.Kind != TemplateTokenKind.Name)
        {
            throw new TemplateError(keyword.Line, $"expected a statement name after {{%, found {keyword}");
        }

        _tokens.Next();
        TemplateStatement statement = keyword.Text switch
        {
            "if" => ParseIf(keyword.Line),
            "for" => ParseFor(keyword.Line),
            "set" => ParseSet(keyword.Line),
            "macro" => ParseMacro(keyword.Line),
            "break" or "continue" => EndTag(new LoopControlStatement(keyword.Line, keyword.Text == "break")),
            "generation" => ParseGeneration(keyword.Line),
            _ => throw new TemplateError(keyword.Line, $"unsupported Jinja statement '{{% {keyword.Text} %}}'"),
        };
        return statement;
    }

    private T EndTag<T>(T statement)
    {
        _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
        return statement;
    }

    private IfStatement ParseIf(int line)
    {
        var branches = new List<(TemplateExpression, IReadOnlyList<TemplateStatement>)>();
        TemplateExpression condition = EndTag(_expressions.Parse());
        while (true)
        {
            (List<TemplateStatement> body, string? end) = ParseBody("elif", "else", "endif");
            branches.Add((condition, body));
            if (end == "elif")
            {
                condition = EndTag(_expressions.Parse());
                continue;
            }

            List<TemplateStatement> otherwise = [];
            if (end == "else")
            {
                _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
                otherwise = ParseBody("endif").Body;
            }

            _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
            return new IfStatement(line, branches, otherwise);
        }
    }

    private ForStatement ParseFor(int line)
    {
        var targets = new List<string> { _tokens.ExpectName() };
        while (_tokens.TakeOperator(","))
        {
            targets.Add(_tokens.ExpectName());
        }

        if (!_tokens.TakeName("in"))
        {
            throw new TemplateError(line, $"expected 'in' in the for statement, found {_tokens.Current}");
        }

        TemplateExpression items = _expressions.ParseWithoutConditional();
        TemplateExpression? condition = _tokens.TakeName("if") ? _expressions.ParseWithoutConditional() : null;
        if (_tokens.IsName("recursive"))
        {
            throw new TemplateError(line, "unsupported Jinja construct 'for ... recursive'");
        }

        _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
        (List<TemplateStatement> body, string? end) = ParseBody("else", "endfor");
        List<TemplateStatement> otherwise = [];
        if (end == "else")
        {
            _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
            otherwise = ParseBody("endfor").Body;
        }

        _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
        return new ForStatement(line, targets, items, condition, body, otherwise);
    }

    private TemplateStatement ParseSet(int line)
    {
        string first = _tokens.ExpectName();
        if (_tokens.TakeOperator("."))
        {
            string attribute = _tokens.ExpectName();
            _tokens.ExpectOperator("=");
            return EndTag(new SetStatement(line, [attribute], first, _expressions.ParseTuple()));
        }

        var targets = new List<string> { first };
        while (_tokens.TakeOperator(","))
        {
            targets.Add(_tokens.ExpectName());
        }

        if (_tokens.Current.Kind == TemplateTokenKind.StatementEnd && targets.Count == 1)
        {
            _tokens.Next();
            List<TemplateStatement> body = ParseBody("endset").Body;
            return EndTag(new SetBlockStatement(line, first, body));
        }

        _tokens.ExpectOperator("=");
        return EndTag(new SetStatement(line, targets, null, _expressions.ParseTuple()));
    }

    private MacroStatement ParseMacro(int line)
    {
        string name = _tokens.ExpectName();
        var parameters = new List<(string, TemplateExpression?)>();
        _tokens.ExpectOperator("(");
        while (!_tokens.TakeOperator(")"))
        {
            string parameter = _tokens.ExpectName();
            parameters.Add((parameter, _tokens.TakeOperator("=") ? _expressions.Parse() : null));
            if (!_tokens.IsOperator(")"))
            {
                _tokens.ExpectOperator(",");
            }
        }

        _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
        List<TemplateStatement> body = ParseBody("endmacro").Body;
        return EndTag(new MacroStatement(line, name, parameters, body));
    }

    private GenerationStatement ParseGeneration(int line)
    {
        _tokens.Expect(TemplateTokenKind.StatementEnd, "'%}'");
        List<TemplateStatement> body = ParseBody("endgeneration").Body;
        return EndTag(new GenerationStatement(line, body));
    }
}
