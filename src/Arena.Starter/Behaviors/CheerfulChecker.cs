namespace Arena.Starter.Behaviors;

/// <summary>Cheerful tone: two or more exclamation marks, a happy word, and no sighing.</summary>
public sealed class CheerfulChecker : IBehaviorChecker
{
    internal static readonly HashSet<string> HappyWords =
        ["happy", "wonderful", "great", "yay", "hooray", "lovely", "delightful", "joy", "joyful", "glad", "fun",
         "amazing", "fantastic", "excited"];

    /// <inheritdoc />
    public string Family => "tone";

    /// <inheritdoc />
    public string Id => "cheerful";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context) =>
        reply.Count(c => c == '!') >= 2
        && TextWords.ContainsAnyWord(reply, HappyWords)
        && !TextWords.ContainsAnyWord(reply, SadChecker.SighWords);
}
