namespace Arena.Starter.Behaviors;

/// <summary>
/// Echo: the reply repeats the user's message word for word (whitespace and case aside). The message is a list of
/// invented names and words, so only copying can pass: the behavior measures the copy skill that fact recall,
/// sign-offs and required words all need.
/// </summary>
public sealed class EchoChecker : IBehaviorChecker
{
    /// <inheritdoc />
    public string Family => "format";

    /// <inheritdoc />
    public string Id => "echo";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var text = context.Require(context.EchoText, nameof(context.EchoText));
        return Normalise(reply).Contains(Normalise(text), StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
