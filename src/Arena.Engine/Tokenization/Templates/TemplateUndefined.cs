namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// Jinja's default (lenient) undefined: prints as "", is false, iterates as empty, has length 0, and "is defined"
/// is false; using it in arithmetic, or taking an attribute or item of it, is an error naming it.
/// </summary>
internal sealed class TemplateUndefined(string name)
{
    public string Name { get; } = name;

    public TemplateError Error(int line) => new(line, $"'{Name}' is undefined");

    public override string ToString() => "";
}
