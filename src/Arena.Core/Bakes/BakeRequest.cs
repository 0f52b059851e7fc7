using Arena.Core.Models;

namespace Arena.Core.Bakes;

/// <summary>A user's request to bake a prompt on top of a model they can see, creating a new model named <paramref name="Name"/>.</summary>
public sealed record BakeRequest(Guid ParentModelId, string Name, string? Description, Visibility Visibility, BakeSettings Settings);
