namespace Arena.Contracts.Models;

/// <summary>
/// One LoRA adapter of a model and the strength it is applied at. <see cref="Path"/> is relative to the artifact
/// store (the worker resolves it against its own configured root, so web and worker pods can mount it anywhere).
/// </summary>
public sealed record AdapterRef(string Path, double Strength)
{
    /// <summary>
    /// The one bound on an adapter's strength, for the CLI, the worker and the variant slider: 0 is the parent, 1 as
    /// baked, 1.5 already amplifies (docs/baking.md); beyond ±3 a stack only degenerates. Negative strengths (the bake
    /// subtracted) are the engine's to try; the platform's variants stay in 0..MaxStrength.
    /// </summary>
    public const double MaxStrength = 3;

    public static bool IsValidStrength(double strength) => double.IsFinite(strength) && Math.Abs(strength) <= MaxStrength;
}

/// <summary>
/// What the worker needs to rebuild a model: the base checkpoint's name (a folder under the worker's models root)
/// and the ordered adapters on top of it. A fork is exactly its parent's spec plus one adapter.
/// </summary>
public sealed record ModelSpec(string BaseModel, IReadOnlyList<AdapterRef> Adapters)
{
    /// <summary>A stable key for caching loaded models: same base, same adapters, same strengths.</summary>
    public string CacheKey => BaseModel + "|" + string.Join("|", Adapters.Select(a => $"{a.Path}@{a.Strength:R}"));
}
