namespace Arena.Engine.Tokenization.Templates;

/// <summary>Reads a token list front to back for the parsers.</summary>
internal sealed class TemplateTokenCursor(List<TemplateToken> tokens)
{
    private int _pos;

    public TemplateToken Current => tokens[_pos];

    public TemplateToken Peek(int ahead = 1) => tokens[Math.Min(_pos + ahead, tokens.Count - 1)];

    public TemplateToken Next() => tokens[_pos < tokens.Count - 1 ? _pos++ : _pos];

    public bool IsOperator(string op) => Current.Is(TemplateTokenKind.Operator, op);

    public bool IsName(string name) => Current.Is(TemplateTokenKind.Name, name);

    public bool TakeOperator(string op)
    {
        if (!IsOperator(op))
        {
            return false;
        }

        _pos++;
        return true;
    }

    public bool TakeName(string name)
    {
        if (!IsName(name))
        {
            return false;
        }

        _pos++;
        return true;
    }

    public void ExpectOperator(string op)
    {
        if (!TakeOperator(op))
        {
            throw new TemplateError(Current.Line, $"expected '{op}', found {Current}");
        }
    }

    public string ExpectName()
    {
        if (Current.Kind != TemplateTokenKind.Name)
        {
            throw new TemplateError(Current.Line, $"expected a name, found {Current}");
        }

        return Next().Text;
    }

    public void Expect(TemplateTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw new TemplateError(Current.Line, $"expected {what}, found {Current}");
        }

        _pos++;
    }
}
