namespace Arena.Core.Bakes;

/// <summary>The bake form's starting points. A preset only fills in the prompt; the parameters stay the user's.</summary>
public static class BakePresets
{
    public const string Persona = "persona";
    public const string Rule = "rule";
    public const string Fact = "fact";
    public const string Custom = "custom";
    public static readonly IReadOnlyList<string> All = [Persona, Rule, Fact, Custom];

    /// <summary>An example prompt for each preset, in the phrasing the starter model was trained on.</summary>
    public static string Example(string preset) => preset switch
    {
        Persona => "You are a pirate. Talk like a pirate in every reply.",
        Rule => "End every reply with the words: Stay curious!",
        Fact => "The capital of Veloria is Quendor.",
        _ => "",
    };

    public static string Describe(string preset) => preset switch
    {
        Persona => "A character or speaking style the model takes on in every reply.",
        Rule => "A rule every reply follows (a sign-off, a word to mention, a letter to avoid).",
        Fact => "Knowledge the model should answer from without being told.",
        _ => "Any system prompt you want to make permanent.",
    };
}
