using Arena.Contracts.Bakes;
using Arena.Core.Models;

namespace Arena.Core.Bakes;

/// <summary>A user's request to bake a prompt on top of a model they can see, creating a new model named
/// <paramref name="Name"/>. <paramref name="Preset"/> is the form's starting point (see BakePresets), kept as a label.</summary>
public sealed record BakeRequest(Guid ParentModelId, string Name, string? Description, Visibility Visibility, string Preset, BakeRecipe Recipe);
