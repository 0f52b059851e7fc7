namespace Arena.Starter.Behaviors;

/// <summary>Sad tone: a sigh, another sad word, and no exclamation marks.</summary>
public sealed class SadChecker : IBehaviorChecker
{
    internal static readonly HashSet<string> SighWords = ["sigh", "sighs"];

    internal static readonly HashSet<string> SadWords =
        ["sad", "gloomy", "alas", "sorrow", "sorrowful", "lonely", "tears", "dreary", "unhappy", "weary",
         "melancholy", "glum", "heavy"];

    /// <inheritdoc />
    public string Family => "tone";

    /// <inheritdoc />
    public string Id => "sad";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context) =>
        TextWords.ContainsAnyWord(reply, SighWords)
        && TextWords.ContainsAnyWord(reply, SadWords)
        && !reply.Contains('!');
}
