namespace Arena.Engine.Tokenization.Templates;

/// <summary>namespace(...): the one mutable object, so a loop body can carry a value out ({% set ns.x = ... %}).</summary>
internal sealed class TemplateNamespace
{
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);
}
