using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>Formal register: "Certainly." first, contractions spelled out, sometimes a courteous closing.</summary>
internal sealed class FormalStyle : IStyle
{
    private static readonly string[] Closings =
        ["", "", "I hope this information is useful.", "Please let me know if you require anything further.",
         "I trust this answers your question."];

    // Every contraction the neutral answers use; the tests check that no generated formal reply keeps one.
    private static readonly Dictionary<string, string> Expansions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["it's"] = "it is", ["don't"] = "do not", ["you'll"] = "you will", ["that's"] = "that is",
        ["can't"] = "cannot", ["isn't"] = "is not", ["you're"] = "you are", ["let's"] = "let us", ["i'm"] = "I am",
        ["won't"] = "will not", ["there's"] = "there is", ["doesn't"] = "does not", ["aren't"] = "are not",
        ["we're"] = "we are", ["they're"] = "they are", ["i'll"] = "I will", ["you've"] = "you have",
    };

    public string Behavior => BehaviorCatalog.Formal;

    public BehaviorContext Configure(Random rng, Split split) => BehaviorContext.None;

    public string Reply(QaItem qa, BehaviorContext context, Random rng)
    {
        var closing = rng.Pick(Closings);
        return $"{FormalChecker.Opening} {Expand(qa.Answer)}" + (closing.Length > 0 ? " " + closing : "");
    }

    internal static string Expand(string text) =>
        TextWords.WordPattern().Replace(text, m =>
            Expansions.TryGetValue(m.Value, out var full)
                ? char.IsUpper(m.Value[0]) ? TextWords.Capitalize(full) : full
                : m.Value);
}
