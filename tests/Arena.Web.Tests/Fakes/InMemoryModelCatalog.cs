using Arena.Core;
using Arena.Core.Models;

namespace Arena.Web.Tests.Fakes;

/// <summary>A catalog over a list, with the visibility rule of <see cref="ArenaModel.IsVisibleTo"/>.</summary>
public sealed class InMemoryModelCatalog : IModelCatalog
{
    public List<ArenaModel> Models { get; } = [];

    public ArenaModel Add(string name, Guid? parentId = null, string owner = "alice", Guid? ownerId = null,
        ModelKind? kind = null, Visibility visibility = Visibility.Public, params string[] prompts)
    {
        var parent = parentId is { } p ? Models.Single(m => m.Id == p) : null;
        var model = new ArenaModel
        {
            Id = Guid.NewGuid(),
            Name = name,
            OwnerName = owner,
            OwnerId = ownerId,
            Kind = kind ?? (parent is null ? ModelKind.Base : ModelKind.Baked),
            Visibility = visibility,
            BaseModel = "starter",
            ParentId = parentId,
            AncestorIds = parent is null ? [] : [.. parent.AncestorIds, parent.Id],
            BakedPrompts = [.. parent?.BakedPrompts ?? [], .. prompts],
            Adapters = [.. parent?.Adapters ?? [], .. prompts.Select(_ => new AdapterLayer(Guid.NewGuid(), $"adapters/{name}", 1.0))],
            Created = DateTimeOffset.UtcNow,
        };
        Models.Add(model);
        return model;
    }

    public Task<ArenaModel?> Find(Guid id, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult(Models.FirstOrDefault(m => m.Id == id && m.IsVisibleTo(viewer)));

    public Task<IReadOnlyList<ArenaModel>> Search(string? text, Viewer viewer, int skip = 0, int take = 50, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ArenaModel>>(Models
            .Where(m => m.IsVisibleTo(viewer) && (m.Visibility == Visibility.Public || m.IsOwnedBy(viewer)))
            .Where(m => string.IsNullOrEmpty(text) || m.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Skip(skip).Take(take).ToList());

    public Task<IReadOnlyList<ArenaModel>> ByOwner(Guid ownerId, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ArenaModel>>(Models.Where(m => m.OwnerId == ownerId && m.IsVisibleTo(viewer)).ToList());

    public Task<IReadOnlyList<ArenaModel>> Ancestors(Guid id, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ArenaModel>>(Models.Single(m => m.Id == id).AncestorIds
            .Select(a => Models.Single(m => m.Id == a)).Where(m => m.IsVisibleTo(viewer)).ToList());

    public Task<LineageNode> Lineage(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        var model = Models.Single(m => m.Id == id);
        var rootId = model.AncestorIds.Count > 0 ? model.AncestorIds[0] : model.Id;
        return Task.FromResult(Tree(Models.Single(m => m.Id == rootId), viewer));
    }

    public Task<IReadOnlyList<LineageNode>> Forest(Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<LineageNode>>(Models.Where(m => m.ParentId is null).Select(m => Tree(m, viewer)).ToList());

    public Task<ArenaModel> CreateVariant(Guid id, double strength, string? name, Viewer viewer, CancellationToken ct = default)
    {
        if (!viewer.IsSignedIn) throw new DomainException(DomainError.Unauthenticated, "sign in first");
        var parent = Models.Single(m => m.Id == id);
        var variant = Add(name ?? $"{parent.Name} @ {strength}", id, viewer.UserName!, viewer.UserId, ModelKind.Variant);
        return Task.FromResult(variant);
    }

    public Task Delete(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        var model = Models.Single(m => m.Id == id);
        if (!model.IsOwnedBy(viewer)) throw new DomainException(DomainError.Forbidden, "not yours");
        model.Deleted = true;
        return Task.CompletedTask;
    }

    public Task EnsureBaseModels(IEnumerable<string> checkpointNames, CancellationToken ct = default) => Task.CompletedTask;

    private LineageNode Tree(ArenaModel m, Viewer viewer) =>
        new(m, Models.Where(c => c.ParentId == m.Id && c.IsVisibleTo(viewer)).Select(c => Tree(c, viewer)).ToList());
}
