namespace Arena.Core.Models;

/// <summary>
/// A model users can chat with, fork and battle (a Marten document). It is a base checkpoint plus an ordered stack of
/// adapters: a fork copies its parent's stack and adds one, so the lineage is a tree and any model can be rebuilt
/// from its own document alone. Deleting only hides it: descendants still use its adapters.
/// </summary>
public sealed class ArenaModel
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>null for the built-in base models.</summary>
    public Guid? OwnerId { get; set; }
    public required string OwnerName { get; set; }
    public Visibility Visibility { get; set; }
    public ModelKind Kind { get; set; }
    /// <summary>The base checkpoint's folder name under the models root (e.g. "starter").</summary>
    public required string BaseModel { get; set; }
    public List<AdapterLayer> Adapters { get; set; } = [];
    public Guid? ParentId { get; set; }
    /// <summary>Ids from the root down to the parent; lets lineage queries load a subtree in one query.</summary>
    public List<Guid> AncestorIds { get; set; } = [];
    /// <summary>The prompts baked into this model, oldest first (inherited from the parent chain).</summary>
    public List<string> BakedPrompts { get; set; } = [];
    /// <summary>The recipe of the bake that made this model (null for base models and variants).</summary>
    public BakeRecipeSummary? Recipe { get; set; }
    /// <summary>The bake job that made it, if any.</summary>
    public Guid? JobId { get; set; }
    public DateTimeOffset Created { get; set; }
    public bool Deleted { get; set; }

    /// <summary>Lower-case name, owner, description and baked prompts: what the gallery search matches (one indexed
    /// field instead of OR-ing four LIKEs and a JSON array scan). Kept current by <see cref="RefreshSearchText"/>.</summary>
    public string SearchText { get; set; } = "";

    public ArenaModel RefreshSearchText()
    {
        SearchText = string.Join('\n', [Name, OwnerName, Description, .. BakedPrompts]).ToLowerInvariant();
        return this;
    }

    public bool IsVisibleTo(Viewer viewer) =>
        !Deleted && (Visibility != Visibility.Private || (OwnerId is not null && OwnerId == viewer.UserId));

    public bool IsOwnedBy(Viewer viewer) => OwnerId is not null && OwnerId == viewer.UserId;
}

/// <summary>What the model page shows about the bake that made a model.</summary>
public sealed record BakeRecipeSummary(string Prompt, string Preset, Arena.Contracts.Bakes.BakeRecipe Settings, double KlBefore, double KlAfter, double Seconds);
