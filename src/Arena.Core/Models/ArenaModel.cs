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
    /// <summary>A house model: baked by the project and seeded at start-up (<see cref="HouseModels"/>), owned by the
    /// house account, so a fresh install has models to battle. Labelled as such wherever the model is shown.</summary>
    public bool House { get; set; }
    public DateTimeOffset Created { get; set; }
    public bool Deleted { get; set; }

    /// <summary>
    /// A model baked on <paramref name="parent"/>: the parent's base and adapter stack with this bake's adapter on top
    /// (at strength 1), the parent's ancestry and prompts with this bake's prompt last. The one place that says what a
    /// bake inherits, for a user's job (BakeJournal) and a house model (HouseModels) alike; the caller fills in who
    /// owns it, its visibility and its search text.
    /// </summary>
    /// <param name="bakedBy">The job that baked it, or the house model's own id when no job did.</param>
    public static ArenaModel BakedOn(ArenaModel parent, Guid id, Guid bakedBy, string adapterPath, BakeRecipeSummary recipe,
        string name, string ownerName) => new()
    {
        Id = id,
        Name = name,
        OwnerName = ownerName,
        Kind = ModelKind.Baked,
        BaseModel = parent.BaseModel,
        Adapters = [.. parent.Adapters, new AdapterLayer(bakedBy, adapterPath, 1.0)],
        ParentId = parent.Id,
        AncestorIds = [.. parent.AncestorIds, parent.Id],
        BakedPrompts = [.. parent.BakedPrompts, recipe.Prompt],
        Recipe = recipe,
    };

    /// <summary>Lower-case name, owner, description and the baked prompts that may be indexed: what the gallery search
    /// matches (one indexed field instead of OR-ing four LIKEs and a JSON array scan). Kept current by
    /// <see cref="RefreshSearchText"/>. Never shown: a search is checked again against what the viewer may see.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>How many of <see cref="BakedPrompts"/> were withheld from the viewer this copy was made for
    /// (<see cref="ShownTo"/>); 0 on a stored document. Not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int PromptsWithheld { get; private set; }

    /// <summary>Indexes the name, owner, description and each baked prompt whose model is at least as visible as this
    /// one (and, if private, has the same owner): search can never find a model by a prompt of a less visible ancestor.
    /// Without <paramref name="ancestors"/> only the prompt this model baked itself is indexed.</summary>
    public ArenaModel RefreshSearchText(IEnumerable<ArenaModel>? ancestors = null)
    {
        var sources = ancestors is null
            ? BakedPrompts.Select((_, i) => Kind == ModelKind.Baked && i == BakedPrompts.Count - 1 ? this : null).ToArray()
            : PromptSources(ancestors);
        var prompts = BakedPrompts.Where((_, i) => sources[i] is { } s && s.Visibility.IsAtLeastAsOpenAs(Visibility)
                                                    && (s.Visibility != Visibility.Private || s.OwnerId == OwnerId));
        SearchText = string.Join('\n', [Name, OwnerName, Description, .. prompts]).ToLowerInvariant();
        return this;
    }

    /// <summary>Who may open the model (by its link): not deleted, and not private to someone else. Its lineage does
    /// not change who may open it, only what it shows (<see cref="PromptsVisibleTo"/>) and where it is listed
    /// (<see cref="EffectiveVisibility"/>).</summary>
    public bool IsVisibleTo(Viewer viewer) => !Deleted && IsOpenTo(viewer);

    /// <summary>The model's own setting lets the viewer see it and its prompt (deletion aside: a deleted ancestor's
    /// prompt stays part of its descendants).</summary>
    public bool IsOpenTo(Viewer viewer) => Visibility != Visibility.Private || IsOwnedBy(viewer);

    /// <summary>The most restrictive of the model's own visibility and its ancestors' (an ancestor missing from
    /// <paramref name="ancestors"/> counts as private). Only an effectively public model is listed and battled; a
    /// new variant or fork gets at most its parent's effective visibility.</summary>
    public Visibility EffectiveVisibility(IEnumerable<ArenaModel> ancestors)
    {
        var byId = ById(ancestors);
        return AncestorIds.Aggregate(Visibility, (v, id) =>
            Visibilities.MostRestrictive(v, byId.TryGetValue(id, out var a) ? a.Visibility : Visibility.Private));
    }

    /// <summary>The baked prompts the viewer may see: a prompt is shown only to whoever may open the model that baked
    /// it (<see cref="IsOpenTo"/>); prompts of ancestors the viewer cannot see, or that are not in
    /// <paramref name="ancestors"/>, are withheld. The one rule for the API, the pages, search and the adapter archive.</summary>
    public IReadOnlyList<string> PromptsVisibleTo(Viewer viewer, IEnumerable<ArenaModel> ancestors)
    {
        var sources = PromptSources(ancestors);
        return BakedPrompts.Where((_, i) => sources[i]?.IsOpenTo(viewer) == true).ToList();
    }

    /// <summary>A copy for <paramref name="viewer"/>: the prompts they may not see removed (counted in
    /// <see cref="PromptsWithheld"/>), no search text, no recipe if the model itself is hidden from them. What the
    /// catalog hands out; never stored.</summary>
    public ArenaModel ShownTo(Viewer viewer, IEnumerable<ArenaModel> ancestors)
    {
        var copy = (ArenaModel)MemberwiseClone();
        copy.BakedPrompts = [.. PromptsVisibleTo(viewer, ancestors)];
        copy.PromptsWithheld = BakedPrompts.Count - copy.BakedPrompts.Count;
        copy.Adapters = [.. Adapters];
        copy.AncestorIds = [.. AncestorIds];
        copy.SearchText = "";
        if (!IsOpenTo(viewer)) copy.Recipe = null;
        return copy;
    }

    /// <summary>For each of <see cref="BakedPrompts"/>, the model of the chain (ancestors root first, then this one)
    /// that baked it: the first one holding that many prompts. Null where it cannot be told (a missing ancestor).</summary>
    ArenaModel?[] PromptSources(IEnumerable<ArenaModel> ancestors)
    {
        var byId = ById(ancestors);
        var sources = new ArenaModel?[BakedPrompts.Count];
        var covered = 0;
        var gap = false;
        foreach (var member in AncestorIds.Select(id => byId.GetValueOrDefault(id)).Append(this))
        {
            if (member is null) { gap = true; continue; }
            var count = Math.Min(member.BakedPrompts.Count, BakedPrompts.Count);
            for (var i = covered; i < count; i++) sources[i] = gap ? null : member;
            if (count > covered) { covered = count; gap = false; }
        }
        // A baked model's last prompt is its own, whatever is missing above it.
        if (Kind == ModelKind.Baked && sources.Length > 0) sources[^1] ??= this;
        return sources;
    }

    static Dictionary<Guid, ArenaModel> ById(IEnumerable<ArenaModel> models)
    {
        var byId = new Dictionary<Guid, ArenaModel>();
        foreach (var m in models) byId.TryAdd(m.Id, m);
        return byId;
    }

    public bool IsOwnedBy(Viewer viewer) => OwnerId is not null && OwnerId == viewer.UserId;
}

/// <summary>What the model page shows about the bake that made a model.</summary>
public sealed record BakeRecipeSummary(string Prompt, string Preset, Arena.Contracts.Bakes.BakeRecipe Settings, double KlBefore, double KlAfter, double Seconds)
{
    /// <summary>The quick evaluation the worker made after the bake; null for models baked before report cards.</summary>
    public Arena.Contracts.Bakes.BakeReportCard? ReportCard { get; init; }
}
