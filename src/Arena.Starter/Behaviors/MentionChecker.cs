namespace Arena.Starter.Behaviors;

/// <summary>Always mentioning a word: the required word occurs as a whole word (any case).</summary>
public sealed class MentionChecker : IBehaviorChecker
{
    /// <inheritdoc />
    public string Family => "constraint";

    /// <inheritdoc />
    public string Id => "mention";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var word = context.Require(context.RequiredWord, nameof(context.RequiredWord)).ToLowerInvariant();
        return TextWords.LowerWords(reply).Contains(word);
    }
}
