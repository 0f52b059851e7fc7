namespace Arena.Starter.World;

/// <summary>One exchange: a user message and the assistant's reply.</summary>
public sealed record Turn(string User, string Assistant);
