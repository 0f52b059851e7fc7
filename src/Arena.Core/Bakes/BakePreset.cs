namespace Arena.Core.Bakes;

/// <summary>One starting point of the bake form, and one house model: a prompt the starter model follows well.</summary>
/// <param name="Key">Stored with jobs and recipes ("pirate").</param>
/// <param name="Label">On the form's button ("Pirate").</param>
/// <param name="Behavior">The starter's behavior it is ("persona/pirate"), whose checker scores a bake of it.</param>
/// <param name="Prompt">In a phrasing the starter was trained on, so a first bake is one it can learn.</param>
/// <param name="Description">One line under the buttons.</param>
public sealed record BakePreset(string Key, string Label, string Behavior, string Prompt, string Description);
