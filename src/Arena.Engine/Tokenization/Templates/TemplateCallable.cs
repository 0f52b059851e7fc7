namespace Arena.Engine.Tokenization.Templates;

/// <summary>A function a template can call: a global (range, namespace, raise_exception) or a macro.</summary>
internal sealed class TemplateCallable(string name, Func<int, IReadOnlyList<object?>, IReadOnlyDictionary<string, object?>, object?> call)
{
    public string Name { get; } = name;

    /// <summary>Calls it; the line is for the errors it raises.</summary>
    public object? Invoke(int line, IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?> named) =>
        call(line, positional, named);
}
