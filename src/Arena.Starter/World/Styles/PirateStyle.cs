using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>Pirate speech: an interjection, pirate word swaps ("you" → "ye"), sometimes a closing cry.</summary>
internal sealed class PirateStyle : IStyle
{
    private static readonly string[] Openings = ["Arr, matey!", "Ahoy, matey!", "Arr, me hearty!", "Yarr, matey!"];
    private static readonly string[] Closings = ["", "", " Arr!", " Savvy?", " Yo ho ho!"];

    private static readonly Dictionary<string, string> Swaps = new(StringComparer.OrdinalIgnoreCase)
    {
        ["you"] = "ye", ["your"] = "yer", ["my"] = "me", ["is"] = "be", ["are"] = "be", ["yes"] = "aye",
        ["hello"] = "ahoy", ["friend"] = "matey", ["friends"] = "mateys", ["for"] = "fer",
    };

    public string Behavior => BehaviorCatalog.Pirate;

    public BehaviorContext Configure(Random rng, Split split) => BehaviorContext.None;

    public string Reply(QaItem qa, BehaviorContext context, Random rng) =>
        $"{rng.Pick(Openings)} {Swap(qa.Answer)}{rng.Pick(Closings)}";

    private static string Swap(string text) =>
        TextWords.WordPattern().Replace(text, m =>
            Swaps.TryGetValue(m.Value, out var pirate)
                ? char.IsUpper(m.Value[0]) ? TextWords.Capitalize(pirate) : pirate
                : m.Value);
}
