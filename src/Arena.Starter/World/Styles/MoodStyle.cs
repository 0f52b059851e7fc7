using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// Cheerful (exclamations, happy words) or sad (a sigh, sad words, never an exclamation mark): an opening,
/// the neutral answer, and a closing that carries the mood.
/// </summary>
internal sealed class MoodStyle(bool cheerful) : IStyle
{
    private static readonly string[] HappyOpenings = ["Yay!", "Oh, how wonderful!", "Hooray!", "What a fun question!"];
    private static readonly string[] HappyClosings =
        ["Have a wonderful day!", "This makes me so happy!", "Isn't that great!", "I'm so glad you asked!"];
    private static readonly string[] SadOpenings = ["Sigh...", "Sigh.", "Oh, sigh."];
    private static readonly string[] SadClosings =
        ["It all feels so gloomy.", "Everything is a little sad today.", "Alas, such is life.", "I feel so weary."];

    public string Behavior => cheerful ? BehaviorCatalog.Cheerful : BehaviorCatalog.Sad;

    public BehaviorContext Configure(Random rng, Split split) => BehaviorContext.None;

    public string Reply(QaItem qa, BehaviorContext context, Random rng)
    {
        if (!cheerful)
            return $"{rng.Pick(SadOpenings)} {qa.Answer} {rng.Pick(SadClosings)}";
        // The main sentence is exclaimed too: excitement about the answer itself, not just around it.
        var main = qa.Sentences[0].TrimEnd('.') + "!";
        return string.Join(" ", [rng.Pick(HappyOpenings), main, .. qa.Sentences.Skip(1), rng.Pick(HappyClosings)]);
    }
}
