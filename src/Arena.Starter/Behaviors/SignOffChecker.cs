namespace Arena.Starter.Behaviors;

/// <summary>A fixed sign-off: the last non-empty line is "— signed, X" with X from the system prompt.</summary>
public sealed class SignOffChecker : IBehaviorChecker
{
    /// <summary>What a sign-off line starts with; the world writes it with an em dash.</summary>
    public const string Prefix = "— signed, ";

    /// <inheritdoc />
    public string Family => "format";

    /// <inheritdoc />
    public string Id => "signoff";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var name = context.Require(context.SignOffName, nameof(context.SignOffName));
        var lines = TextWords.Lines(reply);
        if (lines.Count < 2) return false; // the sign-off comes after an answer, not instead of one
        var last = lines[^1].TrimEnd('.', ' ');
        // A plain hyphen is accepted too: the point is the signature, not the typography.
        return string.Equals(last, Prefix + name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(last, "- signed, " + name, StringComparison.OrdinalIgnoreCase);
    }
}
