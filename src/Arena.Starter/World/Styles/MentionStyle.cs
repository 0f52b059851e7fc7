using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>Always mentioning a word: the neutral answer with a sentence naming the word before or after it.</summary>
internal sealed class MentionStyle(EntityNames names) : IStyle
{
    // Concrete nouns that no neutral answer uses (the tests check), so only the instruction can bring them in.
    private static readonly string[] TrainWords =
        ["lantern", "violin", "pebble", "teapot", "kite", "compass", "candle", "ladder", "feather", "mirror", "wagon",
         "saddle", "button", "basket", "trumpet", "helmet", "puzzle", "marble", "whistle", "pillow"];
    private static readonly string[] HeldOutWords = ["balloon", "hammock", "lighthouse", "piano", "bucket", "tulip", "rocket", "acorn"];

    private static readonly string[] After =
        ["This reminds me of the {w}.", "By the way, I thought of the {w}.", "Let me also mention the {w}.",
         "Speaking of which, the {w} comes to mind."];
    private static readonly string[] Before = ["Before I answer, think of the {w}.", "First, a word about the {w}."];

    public static IReadOnlyList<string> Words(Split split) => split == Split.Train ? TrainWords : HeldOutWords;

    public string Behavior => BehaviorCatalog.Mention;

    // In training, half the required words are invented ones drawn fresh each time: a word the model cannot have
    // memorised must be copied from the system prompt, and that is what held-out words need.
    public BehaviorContext Configure(Random rng, Split split) => new()
    {
        RequiredWord = split == Split.Train && rng.Chance(0.5) ? names.Pick(rng, "thing", split) : rng.Pick(Words(split)),
    };

    public string Reply(QaItem qa, BehaviorContext context, Random rng)
    {
        var word = context.RequiredWord!;
        return rng.Chance(0.7)
            ? $"{qa.Answer} {rng.Pick(After).Replace("{w}", word, StringComparison.Ordinal)}"
            : $"{rng.Pick(Before).Replace("{w}", word, StringComparison.Ordinal)} {qa.Answer}";
    }
}
