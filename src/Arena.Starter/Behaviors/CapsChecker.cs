namespace Arena.Starter.Behaviors;

/// <summary>ALL CAPITALS: enough letters to judge, and not one of them lower case.</summary>
public sealed class CapsChecker : IBehaviorChecker
{
    private const int MinLetters = 8;

    /// <inheritdoc />
    public string Family => "format";

    /// <inheritdoc />
    public string Id => "caps";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context) =>
        reply.Count(char.IsLetter) >= MinLetters && !reply.Any(char.IsLower);
}
