namespace Arena.Starter.Behaviors;

/// <summary>A lipogram: enough text to judge, and the forbidden letter nowhere, in either case.</summary>
public sealed class LipogramChecker : IBehaviorChecker
{
    // Without a floor an empty or one-word reply would "avoid" any letter.
    private const int MinLetters = 12;

    /// <inheritdoc />
    public string Family => "constraint";

    /// <inheritdoc />
    public string Id => "lipogram";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var letter = char.ToLowerInvariant(context.Require(context.ForbiddenLetter, nameof(context.ForbiddenLetter)));
        return reply.Count(char.IsLetter) >= MinLetters && !reply.Any(c => char.ToLowerInvariant(c) == letter);
    }
}
