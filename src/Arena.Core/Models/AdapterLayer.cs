namespace Arena.Core.Models;

/// <summary>One adapter in a model's stack: which bake made it, where it lies (relative to the artifact store) and
/// the strength it is applied at (0 = off, 1 = as baked, &gt;1 amplified).</summary>
public sealed record AdapterLayer(Guid BakedBy, string Path, double Strength);
