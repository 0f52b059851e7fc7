namespace Arena.Core.Models;

/// <summary>A model and its visible descendants, for the lineage tree view.</summary>
public sealed record LineageNode(ArenaModel Model, IReadOnlyList<LineageNode> Children)
{
    public int Count => 1 + Children.Sum(c => c.Count);
}
