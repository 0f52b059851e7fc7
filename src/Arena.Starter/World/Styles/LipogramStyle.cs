using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// A lipogram: the answer's sentences that happen to avoid the letter, topped up with sentences from a pool
/// of short replies filtered by that letter. Rewriting arbitrary text without a letter is beyond a templated
/// world; avoiding it by choice of sentence is learnable and checkable.
/// </summary>
internal sealed class LipogramStyle : IStyle
{
    /// <summary>Letters that every neutral answer contains, so a neutral reply always fails the checker.</summary>
    public static readonly char[] Letters = ['e', 'a', 'o', 'i', 's'];

    private static readonly string[] Pool =
    [
        "I can only say this much.", "That is what I know.", "Good luck with it.", "I am glad to assist you.",
        "Thank you for asking.", "I hope this helps you.", "Good luck to you.", "I like this question.",
        "Let me know if you need more help.", "Have a good day.", "Thank you, that was good.", "That is all I can say.",
        "Ask again any day.", "I am glad I can assist.", "It is a fact.", "That is all I can tell.", "Thanks, that is it.",
        "Until next time.", "Keep up the good work.", "Bye for now.", "I hope it helps.", "Hope that helped you today.",
        "Have a good day, my friend.", "Good luck, and thank you.", "I hope it helped.",
    ];

    public string Behavior => BehaviorCatalog.Lipogram;

    /// <summary>The pool sentences free of <paramref name="letter"/>.</summary>
    public static IReadOnlyList<string> PoolWithout(char letter) =>
        Pool.Where(s => !s.Contains(letter, StringComparison.OrdinalIgnoreCase)).ToList();

    public BehaviorContext Configure(Random rng, Split split) => new() { ForbiddenLetter = rng.Pick(Letters) };

    public string Reply(QaItem qa, BehaviorContext context, Random rng)
    {
        var letter = context.ForbiddenLetter!.Value;
        var kept = qa.Sentences.Where(s => !s.Contains(letter, StringComparison.OrdinalIgnoreCase)).ToList();
        var pool = PoolWithout(letter).ToList();
        var fillers = kept.Count > 0 ? 1 : 2;
        for (var i = 0; i < fillers; i++)
        {
            var pick = rng.Next(pool.Count);
            kept.Add(pool[pick]);
            pool.RemoveAt(pick); // no sentence twice in one reply
        }
        return string.Join(" ", kept);
    }
}
