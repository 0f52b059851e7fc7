namespace Arena.Engine.Tokenization.Templates;

/// <summary>An expression of the Jinja subset; each node knows its source line for error messages.</summary>
internal abstract record TemplateExpression(int Line);

internal sealed record LiteralExpression(int Line, object? Value) : TemplateExpression(Line);

internal sealed record NameExpression(int Line, string Name) : TemplateExpression(Line);

internal sealed record ListExpression(int Line, IReadOnlyList<TemplateExpression> Items) : TemplateExpression(Line);

internal sealed record DictExpression(int Line, IReadOnlyList<(TemplateExpression Key, TemplateExpression Value)> Entries) : TemplateExpression(Line);

/// <summary>obj.name: an attribute, else an item of a dict (as Jinja's getattr does).</summary>
internal sealed record AttributeExpression(int Line, TemplateExpression Target, string Name) : TemplateExpression(Line);

internal sealed record IndexExpression(int Line, TemplateExpression Target, TemplateExpression Index) : TemplateExpression(Line);

internal sealed record SliceExpression(int Line, TemplateExpression Target, TemplateExpression? Start, TemplateExpression? Stop, TemplateExpression? Step)
    : TemplateExpression(Line);

internal sealed record CallExpression(int Line, TemplateExpression Callee, TemplateArguments Arguments) : TemplateExpression(Line);

internal sealed record FilterExpression(int Line, TemplateExpression Target, string Name, TemplateArguments Arguments) : TemplateExpression(Line);

internal sealed record TestExpression(int Line, TemplateExpression Target, string Name, bool Negated, TemplateArguments Arguments)
    : TemplateExpression(Line);

/// <summary>Binary operators: + - * / // % ** ~ == != &lt; &gt; &lt;= &gt;= in "not in" and or.</summary>
internal sealed record BinaryExpression(int Line, string Operator, TemplateExpression Left, TemplateExpression Right) : TemplateExpression(Line);

/// <summary>Unary operators: not, -, +.</summary>
internal sealed record UnaryExpression(int Line, string Operator, TemplateExpression Operand) : TemplateExpression(Line);

/// <summary>x if condition else y; a missing else gives undefined, as in Jinja.</summary>
internal sealed record ConditionalExpression(int Line, TemplateExpression Condition, TemplateExpression Then, TemplateExpression? Else)
    : TemplateExpression(Line);

internal sealed record TemplateArguments(IReadOnlyList<TemplateExpression> Positional, IReadOnlyList<(string Name, TemplateExpression Value)> Named)
{
    public static TemplateArguments None { get; } = new([], []);
}
