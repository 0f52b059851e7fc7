namespace Arena.Engine.Tokenization.Templates;

/// <summary>One token inside a {{ }} or {% %} tag, or a whole text run / tag boundary.</summary>
internal sealed record TemplateToken(TemplateTokenKind Kind, string Text, int Line)
{
    public object? Literal { get; init; }

    public bool Is(TemplateTokenKind kind, string text) => Kind == kind && Text == text;

    public override string ToString() => Kind switch
    {
        TemplateTokenKind.End => "end of template",
        TemplateTokenKind.Text => "text",
        _ => $"'{Text}'",
    };
}

internal enum TemplateTokenKind
{
    Text,
    OutputStart,
    OutputEnd,
    StatementStart,
    StatementEnd,
    Name,
    String,
    Number,
    Operator,
    End,
}
