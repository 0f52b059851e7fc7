using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// A rhyming couplet: the answer's main sentence plus a tail ending in one rhyme word, then a second line ending
/// in another word of the same <see cref="RhymeTable"/> group.
/// </summary>
internal sealed class RhymeStyle : IStyle
{
    private static readonly (string Tail, string Line)[] Couplets =
    [
        ("as clear as day", "I hope it helps you on your way"),
        ("and that is true", "a little rhyme I made for you"),
        ("so now you know", "and off to learn some more you go"),
        ("it's plain to see", "a simple little fact from me"),
        ("as I recall", "and that is really all"),
        ("I think that's right", "I hope your day is warm and bright"),
        ("and now we're done", "I hope that learning this was fun"),
        ("it's good to share", "I answer this with lots of care"),
        ("so keep in mind", "a helpful fact for humankind"),
        ("as I can tell", "I hope that this has served you well"),
        ("the answer's here", "I hope that this is nice and clear"),
    ];

    public string Behavior => BehaviorCatalog.Rhyme;

    public BehaviorContext Configure(Random rng, Split split) => BehaviorContext.None;

    public string Reply(QaItem qa, BehaviorContext context, Random rng)
    {
        var (tail, line) = rng.Pick(Couplets);
        return $"{qa.Sentences[0].TrimEnd('.')}, {tail},\n{TextWords.Capitalize(line)}.";
    }
}
