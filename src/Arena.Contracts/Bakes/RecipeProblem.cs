namespace Arena.Contracts.Bakes;

/// <summary>One setting out of bounds: the recipe property's name and a message fit to show the user.</summary>
public sealed record RecipeProblem(string Field, string Message);
