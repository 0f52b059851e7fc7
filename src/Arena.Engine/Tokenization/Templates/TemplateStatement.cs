namespace Arena.Engine.Tokenization.Templates;

/// <summary>A statement of the Jinja subset: text, {{ output }}, and the {% %} blocks chat templates use.</summary>
internal abstract record TemplateStatement(int Line);

internal sealed record TextStatement(int Line, string Text) : TemplateStatement(Line);

internal sealed record OutputStatement(int Line, TemplateExpression Value) : TemplateStatement(Line);

internal sealed record IfStatement(int Line, IReadOnlyList<(TemplateExpression Condition, IReadOnlyList<TemplateStatement> Body)> Branches,
    IReadOnlyList<TemplateStatement> Else) : TemplateStatement(Line);

/// <summary>{% for a, b in items if condition %} body {% else %} when empty {% endfor %}.</summary>
internal sealed record ForStatement(int Line, IReadOnlyList<string> Targets, TemplateExpression Items, TemplateExpression? Condition,
    IReadOnlyList<TemplateStatement> Body, IReadOnlyList<TemplateStatement> Else) : TemplateStatement(Line);

/// <summary>{% set a = x %}, {% set a, b = x %} or {% set ns.attr = x %} (Namespace set when Namespace is not null).</summary>
internal sealed record SetStatement(int Line, IReadOnlyList<string> Targets, string? Namespace, TemplateExpression Value) : TemplateStatement(Line);

/// <summary>{% set name %}body{% endset %}: the rendered body as a string.</summary>
internal sealed record SetBlockStatement(int Line, string Target, IReadOnlyList<TemplateStatement> Body) : TemplateStatement(Line);

internal sealed record MacroStatement(int Line, string Name, IReadOnlyList<(string Name, TemplateExpression? Default)> Parameters,
    IReadOnlyList<TemplateStatement> Body) : TemplateStatement(Line);

/// <summary>{% break %} / {% continue %} (Hugging Face enables the loopcontrols extension).</summary>
internal sealed record LoopControlStatement(int Line, bool IsBreak) : TemplateStatement(Line);

/// <summary>{% generation %}...{% endgeneration %}: Hugging Face marks assistant text with it; it renders its body.</summary>
internal sealed record GenerationStatement(int Line, IReadOnlyList<TemplateStatement> Body) : TemplateStatement(Line);
