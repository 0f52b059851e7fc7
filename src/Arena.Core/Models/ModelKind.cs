namespace Arena.Core.Models;

/// <summary>Base: a checkpoint on disk. Baked: a parent plus one new adapter. Variant: a parent's adapters with the
/// last one at another strength (half-baked or amplified).</summary>
public enum ModelKind { Base, Baked, Variant }
