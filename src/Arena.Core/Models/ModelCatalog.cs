using System.Security.Cryptography;
using System.Text;
using Arena.Contracts.Models;
using Marten;

namespace Arena.Core.Models;

/// <remarks>Each call opens its own short session: Blazor Server keeps scoped services for a whole circuit, where two
/// UI events may overlap, and a Marten session is not safe for concurrent use.</remarks>
public sealed class ModelCatalog(IDocumentStore store) : IModelCatalog
{
    /// <summary>Trees are built in memory from one query; this bounds that query.</summary>
    const int MaxTreeNodes = 5000;

    public async Task<ArenaModel?> Find(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        return await LoadVisible(session, id, viewer, ct) is var (model, ancestors) ? model.ShownTo(viewer, ancestors.Values) : null;
    }

    public async Task<IReadOnlyList<ArenaModel>> Search(string? text, Viewer viewer, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        take = Math.Clamp(take, 1, 200);
        skip = Math.Max(0, skip);
        var query = Visible(session, viewer);
        var needle = SearchNeedle(text);
        if (!string.IsNullOrEmpty(needle)) query = query.Where(m => m.SearchText.Contains(needle));
        query = query.OrderByDescending(m => m.Created);
        // The query is a superset (its own visibility, the stored search text): each candidate is checked again against
        // its lineage, so a stored document made before these rules cannot be listed or found by a hidden prompt.
        var found = new List<ArenaModel>();
        var toSkip = skip;
        var batch = Math.Max(50, 2 * (skip + take));
        for (var offset = 0; offset < MaxTreeNodes && found.Count < take; offset += batch)
        {
            var candidates = await query.Skip(offset).Take(batch).ToListAsync(ct);
            var chains = await LoadAncestors(session, candidates, ct);
            foreach (var m in candidates)
            {
                if (!IsListedFor(m, viewer, chains.Values)) continue;
                var shown = m.ShownTo(viewer, chains.Values);
                if (!string.IsNullOrEmpty(needle) && !Text(shown).Contains(needle)) continue;
                if (toSkip > 0) { toSkip--; continue; }
                found.Add(shown);
                if (found.Count == take) break;
            }
            if (candidates.Count < batch) break;
        }
        return found;
    }

    /// <summary>The search text as matched: lower case, trimmed, without control characters (PostgreSQL refuses NUL
    /// in text, and no name or prompt holds one), so typed or pasted input never turns into a server error.</summary>
    public static string SearchNeedle(string? text) =>
        new string((text ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim().ToLowerInvariant();

    public async Task<IReadOnlyList<ArenaModel>> ByOwner(Guid ownerId, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var models = await session.Query<ArenaModel>().Where(m => m.OwnerId == ownerId && !m.Deleted)
            .OrderByDescending(m => m.Created).Take(500).ToListAsync(ct);
        var chains = await LoadAncestors(session, models, ct);
        return models.Where(m => IsListedFor(m, viewer, chains.Values)).Select(m => m.ShownTo(viewer, chains.Values)).ToList();
    }

    public async Task<IReadOnlyList<ArenaModel>> Ancestors(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var (model, loaded) = await LoadVisible(session, id, viewer, ct) ?? throw DomainException.NotFound("the model");
        // Deleted ancestors stay in the chain (they are still part of the model); private ones of others do not.
        return model.AncestorIds.Where(loaded.ContainsKey).Select(a => loaded[a])
            .Where(a => a.IsOpenTo(viewer)).Select(a => a.ShownTo(viewer, loaded.Values)).ToList();
    }

    public async Task<LineageNode> Lineage(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var (model, chain) = await LoadVisible(session, id, viewer, ct) ?? throw DomainException.NotFound("the model");
        var rootId = model.AncestorIds.Count > 0 ? model.AncestorIds[0] : model.Id;
        var members = await session.Query<ArenaModel>()
            .Where(m => m.Id == rootId || m.AncestorIds.Contains(rootId))
            .Take(MaxTreeNodes).ToListAsync(ct);
        var trees = BuildForest(members, viewer, await LoadAncestors(session, members, ct));
        return Locate(trees, model.Id) ?? new LineageNode(model.ShownTo(viewer, chain.Values), []);
    }

    public async Task<IReadOnlyList<LineageNode>> Forest(Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var models = await Visible(session, viewer).OrderBy(m => m.Created).Take(MaxTreeNodes).ToListAsync(ct);
        var chains = await LoadAncestors(session, models, ct);
        return BuildForest(models.Where(m => IsListedFor(m, viewer, chains.Values)).ToList(), viewer, chains);
    }

    public async Task<ArenaModel> CreateVariant(Guid id, double strength, string? name, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (viewer.UserId is not { } userId) throw new DomainException(DomainError.Unauthenticated, "sign in to create a variant");
        var (parent, chain) = await LoadVisible(session, id, viewer, ct) ?? throw DomainException.NotFound("the model");
        if (parent.Adapters.Count == 0) throw DomainException.Invalid("a base model has no baked adapter to scale; bake something first");
        // The engine's bound (AdapterRef.MaxStrength), without its negative half: a variant scales its last bake.
        if (!AdapterRef.IsValidStrength(strength) || strength < 0)
            throw DomainException.Invalid($"strength must be in 0..{AdapterRef.MaxStrength}, got {strength}");
        name = string.IsNullOrWhiteSpace(name) ? $"{parent.Name} @ {strength:0.##}" : name;
        ModelNames.Check(name);
        var adapters = parent.Adapters.ToList();
        adapters[^1] = adapters[^1] with { Strength = strength };
        ArenaModel[] ancestors = [.. chain.Values, parent];
        var variant = new ArenaModel
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Description = $"{parent.Name} with its last bake at strength {strength:0.##} (0 = its parent, 1 = as baked).",
            OwnerId = userId,
            OwnerName = viewer.UserName ?? "",
            // Never more visible than its lineage: a variant of an unlisted model is unlisted, of a private one private.
            Visibility = parent.EffectiveVisibility(chain.Values),
            Kind = ModelKind.Variant,
            BaseModel = parent.BaseModel,
            Adapters = adapters,
            ParentId = parent.Id,
            AncestorIds = [.. parent.AncestorIds, parent.Id],
            BakedPrompts = [.. parent.BakedPrompts],
            Created = DateTimeOffset.UtcNow,
        }.RefreshSearchText(ancestors);
        session.Insert(variant);
        await session.SaveChangesAsync(ct);
        return variant.ShownTo(viewer, ancestors);
    }

    public async Task Delete(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var model = await session.LoadAsync<ArenaModel>(id, ct);
        if (model is null || !model.IsVisibleTo(viewer)) throw DomainException.NotFound("the model");
        if (!model.IsOwnedBy(viewer)) throw new DomainException(DomainError.Forbidden, "only the owner can delete a model");
        model.Deleted = true;
        session.Update(model);
        await session.SaveChangesAsync(ct);
    }

    public async Task EnsureBaseModels(IEnumerable<string> checkpointNames, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        foreach (var name in checkpointNames.Distinct())
        {
            var id = BaseModelId(name);
            if (await session.LoadAsync<ArenaModel>(id, ct) is not null) continue;
            session.Store(new ArenaModel
            {
                Id = id,
                Name = name,
                Description = $"The base checkpoint '{name}'. Bake a prompt into it to make your own model.",
                OwnerName = "arena",
                Visibility = Visibility.Public,
                Kind = ModelKind.Base,
                BaseModel = name,
                Created = DateTimeOffset.UtcNow,
            }.RefreshSearchText());
        }
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Name-based, so every web replica seeding at once writes the same document.</summary>
    public static Guid BaseModelId(string checkpointName) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("arena-base:" + checkpointName)));

    /// <summary>The stored model (not a viewer's copy) if the viewer may open it, with its loaded ancestors.</summary>
    static async Task<(ArenaModel Model, IReadOnlyDictionary<Guid, ArenaModel> Ancestors)?> LoadVisible(
        IQuerySession session, Guid id, Viewer viewer, CancellationToken ct)
    {
        var model = await session.LoadAsync<ArenaModel>(id, ct);
        if (model is null || !model.IsVisibleTo(viewer)) return null;
        return (model, await LoadAncestors(session, [model], ct));
    }

    /// <summary>Every ancestor of <paramref name="models"/> (and the models themselves), in one query for the ones
    /// not already at hand: what <see cref="ArenaModel.EffectiveVisibility"/> and
    /// <see cref="ArenaModel.PromptsVisibleTo"/> need.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ArenaModel>> LoadAncestors(IQuerySession session,
        IReadOnlyCollection<ArenaModel> models, CancellationToken ct)
    {
        var known = new Dictionary<Guid, ArenaModel>();
        foreach (var m in models) known.TryAdd(m.Id, m);
        var missing = models.SelectMany(m => m.AncestorIds).Where(a => !known.ContainsKey(a)).Distinct().ToArray();
        if (missing.Length > 0)
            foreach (var a in await session.LoadManyAsync<ArenaModel>(ct, missing)) known.TryAdd(a.Id, a);
        return known;
    }

    /// <summary>Listings (search, gallery, owner pages, the forest) show the viewer's own models and, of others, only
    /// effectively public ones: a public model on an unlisted or private ancestor is reachable by link only.</summary>
    static bool IsListedFor(ArenaModel m, Viewer viewer, IEnumerable<ArenaModel> ancestors) =>
        m.IsVisibleTo(viewer) && (m.IsOwnedBy(viewer) || m.EffectiveVisibility(ancestors) == Visibility.Public);

    /// <summary>What a viewer's search matches: the text of the copy shown to them.</summary>
    static string Text(ArenaModel shown) =>
        string.Join('\n', [shown.Name, shown.OwnerName, shown.Description, .. shown.BakedPrompts]).ToLowerInvariant();

    static IQueryable<ArenaModel> Visible(IQuerySession session, Viewer viewer)
    {
        var userId = viewer.UserId;
        var q = session.Query<ArenaModel>().Where(m => !m.Deleted);
        // Listings show public models plus the viewer's own; unlisted ones of others are reachable by link only.
        // (A superset: IsListedFor also looks at the lineage.)
        return userId is { } u
            ? q.Where(m => m.Visibility == Visibility.Public || m.OwnerId == u)
            : q.Where(m => m.Visibility == Visibility.Public);
    }

    /// <summary>Trees of the visible models. A hidden node (deleted, or private to someone else) is skipped and its
    /// visible children hang under the nearest visible ancestor, so a private fork never hides public descendants
    /// (whose prompts baked by that hidden node are withheld).</summary>
    static IReadOnlyList<LineageNode> BuildForest(IReadOnlyList<ArenaModel> models, Viewer viewer,
        IReadOnlyDictionary<Guid, ArenaModel> chains)
    {
        var visible = models.Where(m => m.IsVisibleTo(viewer)).ToDictionary(m => m.Id);
        var children = new Dictionary<Guid, List<ArenaModel>>();
        var roots = new List<ArenaModel>();
        foreach (var m in visible.Values.OrderBy(m => m.Created))
        {
            var parent = m.AncestorIds.AsEnumerable().Reverse().Cast<Guid?>().FirstOrDefault(a => visible.ContainsKey(a!.Value));
            if (parent is { } p) (children.TryGetValue(p, out var list) ? list : children[p] = []).Add(m);
            else roots.Add(m);
        }
        LineageNode Build(ArenaModel m) =>
            new(m.ShownTo(viewer, chains.Values), children.TryGetValue(m.Id, out var c) ? c.Select(Build).ToList() : []);
        return roots.Select(Build).ToList();
    }

    static LineageNode? Locate(IReadOnlyList<LineageNode> trees, Guid id)
    {
        // The tree to show is the one containing the model, from its root.
        foreach (var t in trees) if (Contains(t, id)) return t;
        return null;
    }

    static bool Contains(LineageNode n, Guid id) => n.Model.Id == id || n.Children.Any(c => Contains(c, id));
}
