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
        var model = await session.LoadAsync<ArenaModel>(id, ct);
        return model is not null && model.IsVisibleTo(viewer) ? model : null;
    }

    public async Task<IReadOnlyList<ArenaModel>> Search(string? text, Viewer viewer, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        take = Math.Clamp(take, 1, 200);
        skip = Math.Max(0, skip);
        var query = Visible(session, viewer);
        var needle = SearchNeedle(text);
        if (!string.IsNullOrEmpty(needle)) query = query.Where(m => m.SearchText.Contains(needle));
        return await query.OrderByDescending(m => m.Created).Skip(skip).Take(take).ToListAsync(ct);
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
        return models.Where(m => m.IsVisibleTo(viewer) && (m.Visibility == Visibility.Public || m.IsOwnedBy(viewer))).ToList();
    }

    public async Task<IReadOnlyList<ArenaModel>> Ancestors(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var model = await Find(id, viewer, ct) ?? throw DomainException.NotFound("the model");
        if (model.AncestorIds.Count == 0) return [];
        var loaded = (await session.LoadManyAsync<ArenaModel>(ct, model.AncestorIds)).ToDictionary(m => m.Id);
        // Deleted ancestors stay in the chain (they are still part of the model); private ones of others do not.
        return model.AncestorIds.Where(loaded.ContainsKey).Select(a => loaded[a])
            .Where(a => a.Visibility != Visibility.Private || a.IsOwnedBy(viewer)).ToList();
    }

    public async Task<LineageNode> Lineage(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var model = await Find(id, viewer, ct) ?? throw DomainException.NotFound("the model");
        var rootId = model.AncestorIds.Count > 0 ? model.AncestorIds[0] : model.Id;
        var members = await session.Query<ArenaModel>()
            .Where(m => m.Id == rootId || m.AncestorIds.Contains(rootId))
            .Take(MaxTreeNodes).ToListAsync(ct);
        var trees = BuildForest(members, viewer);
        return Locate(trees, model.Id) ?? new LineageNode(model, []);
    }

    public async Task<IReadOnlyList<LineageNode>> Forest(Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var models = await Visible(session, viewer).OrderBy(m => m.Created).Take(MaxTreeNodes).ToListAsync(ct);
        return BuildForest(models, viewer);
    }

    public async Task<ArenaModel> CreateVariant(Guid id, double strength, string? name, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (viewer.UserId is not { } userId) throw new DomainException(DomainError.Unauthenticated, "sign in to create a variant");
        var parent = await Find(id, viewer, ct) ?? throw DomainException.NotFound("the model");
        if (parent.Adapters.Count == 0) throw DomainException.Invalid("a base model has no baked adapter to scale; bake something first");
        // The engine's bound (AdapterRef.MaxStrength), without its negative half: a variant scales its last bake.
        if (!AdapterRef.IsValidStrength(strength) || strength < 0)
            throw DomainException.Invalid($"strength must be in 0..{AdapterRef.MaxStrength}, got {strength}");
        name = string.IsNullOrWhiteSpace(name) ? $"{parent.Name} @ {strength:0.##}" : name;
        ModelNames.Check(name);
        var adapters = parent.Adapters.ToList();
        adapters[^1] = adapters[^1] with { Strength = strength };
        var variant = new ArenaModel
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Description = $"{parent.Name} with its last bake at strength {strength:0.##} (0 = its parent, 1 = as baked).",
            OwnerId = userId,
            OwnerName = viewer.UserName ?? "",
            Visibility = parent.Visibility == Visibility.Private ? Visibility.Private : Visibility.Public,
            Kind = ModelKind.Variant,
            BaseModel = parent.BaseModel,
            Adapters = adapters,
            ParentId = parent.Id,
            AncestorIds = [.. parent.AncestorIds, parent.Id],
            BakedPrompts = [.. parent.BakedPrompts],
            Created = DateTimeOffset.UtcNow,
        }.RefreshSearchText();
        session.Insert(variant);
        await session.SaveChangesAsync(ct);
        return variant;
    }

    public async Task Delete(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var model = await Find(id, viewer, ct) ?? throw DomainException.NotFound("the model");
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

    static IQueryable<ArenaModel> Visible(IQuerySession session, Viewer viewer)
    {
        var userId = viewer.UserId;
        var q = session.Query<ArenaModel>().Where(m => !m.Deleted);
        // Listings show public models plus the viewer's own; unlisted ones of others are reachable by link only.
        return userId is { } u
            ? q.Where(m => m.Visibility == Visibility.Public || m.OwnerId == u)
            : q.Where(m => m.Visibility == Visibility.Public);
    }

    /// <summary>Trees of the visible models. A hidden node (deleted, or private to someone else) is skipped and its
    /// visible children hang under the nearest visible ancestor, so a private fork never hides public descendants.</summary>
    static IReadOnlyList<LineageNode> BuildForest(IReadOnlyList<ArenaModel> models, Viewer viewer)
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
        LineageNode Build(ArenaModel m) => new(m, children.TryGetValue(m.Id, out var c) ? c.Select(Build).ToList() : []);
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
