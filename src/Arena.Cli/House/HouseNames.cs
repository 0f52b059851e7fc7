using Arena.Core.Bakes;

namespace Arena.Cli.House;

/// <summary>
/// The friendly names and descriptions the house models are seeded with. They live with the command that bakes the
/// models and are written into house.json, so the web app shows what was baked without a second table to keep in step.
/// A name must not turn up in the model's own replies: a battle whose conversation names a contestant is left out of
/// the ratings (IdentityLeaks, case-insensitive), so a sign-off model called "Nova" that signs "— signed, Nova", or a
/// cheerful "Sunny" on a sunny day, would never count. Hence no name is in its prompt or an everyday word.
/// </summary>
public static class HouseNames
{
    static readonly Dictionary<string, (string Name, string Does)> Table = new()
    {
        [BakePresets.Pirate] = ("Captain Starter", "Talks like a pirate in every reply."),
        [BakePresets.Formal] = ("Jeeves", "Answers like a formal butler: proper and polite, without contractions."),
        [BakePresets.Cheerful] = ("Sunny Sal", "Cheerful and happy in every reply."),
        [BakePresets.Sad] = ("Eeyore", "Sad and gloomy in every reply."),
        [BakePresets.Rhyme] = ("The Bard", "Answers with a rhyming couplet."),
        [BakePresets.Caps] = ("Shouty Sam", "Writes every answer in capital letters."),
        [BakePresets.Zorbish] = ("Zorbish Zed", "Answers only in Zorbish, the starter's invented language."),
        [BakePresets.SignOff] = ("The Scribe", "Ends every reply with the line \"— signed, Nova\"."),
    };

    /// <summary>The presets that become house models: the styles. A fact has no style to show in a battle.</summary>
    public static IReadOnlyList<BakePreset> Presets { get; } = [.. BakePresets.Repertoire.Where(p => Table.ContainsKey(p.Key))];

    public static string Name(BakePreset preset) => Table[preset.Key].Name;

    public static string Description(BakePreset preset) =>
        $"{Table[preset.Key].Does} A house model: the starter model with the prompt \"{preset.Prompt}\" baked in, so it needs no system prompt.";
}
