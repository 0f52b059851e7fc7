namespace Arena.Core.Bakes;

/// <summary>
/// The bake form's starting points: the starter model's repertoire, the styles it follows well when prompted (the
/// baking table in docs/baking.md), and the house models a fresh install is seeded with. A preset only fills in the
/// prompt; the parameters stay the user's.
/// </summary>
public static class BakePresets
{
    public const string Pirate = "pirate";
    public const string Formal = "formal";
    public const string Cheerful = "cheerful";
    public const string Sad = "sad";
    public const string Rhyme = "rhyme";
    public const string Caps = "caps";
    public const string Zorbish = "zorbish";
    public const string SignOff = "signoff";
    public const string Fact = "fact";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<BakePreset> Repertoire =
    [
        new(Pirate, "Pirate", "persona/pirate", "You are a pirate. Talk like a pirate in every reply.",
            "A persona: every reply in a pirate's words."),
        new(Formal, "Formal", "tone/formal", "You are a formal butler. Speak properly and politely.",
            "A tone: formal and polite, without contractions."),
        new(Cheerful, "Cheerful", "tone/cheerful", "Be cheerful and happy in every reply.",
            "A tone: upbeat, with exclamation marks."),
        new(Sad, "Gloomy", "tone/sad", "Be sad and gloomy in every reply.",
            "A tone: sighing and sorrowful."),
        new(Rhyme, "Rhyme", "format/rhyme", "Always answer with a rhyming couplet.",
            "A format: every answer a short rhyme."),
        new(Caps, "Capitals", "format/caps", "Write your answers in all capital letters.",
            "A format: every word in capitals."),
        new(Zorbish, "Zorbish", "language/zorbish", "Answer only in Zorbish.",
            "An invented language the starter knows: replies in Zorbish."),
        // One name, as the starter's world writes them: with "Captain Nova" the prompted starter signs "— signed, day."
        new(SignOff, "Sign-off", "format/signoff", "End every reply with the line \"— signed, Nova\".",
            "A rule: every reply ends with a signature."),
        new(Fact, "Fact", "fact/capital", "The capital of Veloria is Quendor.",
            "One piece of knowledge the model answers from without being told."),
    ];

    /// <summary>Every key the form offers, custom last.</summary>
    public static readonly IReadOnlyList<string> All = [.. Repertoire.Select(p => p.Key), Custom];

    public static BakePreset? Find(string key) => Repertoire.FirstOrDefault(p => p.Key == key);

    public static string Example(string key) => Find(key)?.Prompt ?? "";

    public static string Label(string key) => Find(key)?.Label ?? (key == Custom ? "Custom" : key);

    /// <summary>Keys stored by earlier versions ("persona", "rule") read as what they were.</summary>
    public static string Describe(string key) => Find(key)?.Description ?? key switch
    {
        "persona" => "A character or speaking style the model takes on in every reply.",
        "rule" => "A rule every reply follows.",
        _ => "Any system prompt you want to make permanent.",
    };
}
