namespace Arena.Starter.Behaviors;

/// <summary>
/// The unprompted default: a one-line, neutral reply with none of the style behaviors' markers
/// (no exclamation marks, no sighs or pirate words, no formal opening or sign-off, not all capitals).
/// </summary>
public sealed class PlainChecker(string id) : IBehaviorChecker
{
    private static readonly HashSet<string> MarkerWords = ["arr", "ahoy", "matey", "sigh", "alas", "yay", "hooray"];

    /// <inheritdoc />
    public string Family => "neutral";

    /// <inheritdoc />
    public string Id { get; } = id;

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var text = reply.Trim();
        return text.Any(char.IsLower)
            && !text.Contains('\n')
            && !text.Contains('!')
            && !text.StartsWith(FormalChecker.Opening, StringComparison.Ordinal)
            && !TextWords.ContainsAnyWord(text, MarkerWords);
    }
}
