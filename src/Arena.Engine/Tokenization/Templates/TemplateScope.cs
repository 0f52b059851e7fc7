namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Variables visible at a point of the template. A for-loop iteration and a macro call get a child scope, so a
/// {% set %} inside them does not leak out (the reason templates use namespace()); if-blocks share their scope.
/// </summary>
internal sealed class TemplateScope(TemplateScope? parent)
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public object? Get(string name)
    {
        for (TemplateScope? scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out object? value))
            {
                return value;
            }
        }

        return new TemplateUndefined(name);
    }

    public void Set(string name, object? value) => _variables[name] = value;

    public TemplateScope? Parent { get; } = parent;
}
