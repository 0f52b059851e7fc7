namespace Arena.Starter.Behaviors;

/// <summary>
/// Produces the next assistant reply. <paramref name="assistantTurns"/> holds the model's own earlier replies,
/// one fewer than <paramref name="userTurns"/>; the reply answers the last user turn.
/// </summary>
public delegate string ReplyGenerator(string? system, IReadOnlyList<string> userTurns, IReadOnlyList<string> assistantTurns);
