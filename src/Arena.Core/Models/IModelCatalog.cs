namespace Arena.Core.Models;

/// <summary>
/// Reading and changing models, with visibility enforced here: anything the viewer may not see behaves as missing
/// (<see cref="DomainError.NotFound"/>), so the web answers 404 without leaking that a private model exists.
/// </summary>
public interface IModelCatalog
{
    /// <summary>The model if it exists, is not deleted and is visible to the viewer; otherwise null.</summary>
    Task<ArenaModel?> Find(Guid id, Viewer viewer, CancellationToken ct = default);

    /// <summary>Public models (plus the viewer's own of any visibility) whose name, owner, description or baked
    /// prompts contain <paramref name="text"/> (case-insensitive; null or empty matches all), newest first.</summary>
    Task<IReadOnlyList<ArenaModel>> Search(string? text, Viewer viewer, int skip = 0, int take = 50, CancellationToken ct = default);

    /// <summary>Models owned by <paramref name="ownerId"/> that the viewer may see.</summary>
    Task<IReadOnlyList<ArenaModel>> ByOwner(Guid ownerId, Viewer viewer, CancellationToken ct = default);

    /// <summary>The chain root → … → parent of a visible model (ancestors the viewer may not see are included by
    /// name only if public or unlisted; private ones of others are left out).</summary>
    Task<IReadOnlyList<ArenaModel>> Ancestors(Guid id, Viewer viewer, CancellationToken ct = default);

    /// <summary>The lineage tree containing <paramref name="id"/>, from its root, with only visible nodes.</summary>
    Task<LineageNode> Lineage(Guid id, Viewer viewer, CancellationToken ct = default);

    /// <summary>All public lineage trees (one per base model), for the gallery's tree view.</summary>
    Task<IReadOnlyList<LineageNode>> Forest(Viewer viewer, CancellationToken ct = default);

    /// <summary>Half-bake / amplify: a new model with the same adapters and the last one at <paramref name="strength"/>
    /// (0..3). Needs a signed-in viewer; the variant is owned by them, its parent is <paramref name="id"/>.</summary>
    Task<ArenaModel> CreateVariant(Guid id, double strength, string? name, Viewer viewer, CancellationToken ct = default);

    /// <summary>Owner only. Hides the model (soft delete): descendants keep working because they carry their own stack.</summary>
    Task Delete(Guid id, Viewer viewer, CancellationToken ct = default);

    /// <summary>Makes sure a public base model document exists for each checkpoint name (idempotent, run at start-up).</summary>
    Task EnsureBaseModels(IEnumerable<string> checkpointNames, CancellationToken ct = default);
}
