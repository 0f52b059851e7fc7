namespace Arena.Starter.Behaviors;

/// <summary>
/// Every behavior of the instruction world, named "family/id", with its checker. The world generates data for
/// exactly these behaviors and the evaluation suite scores them with exactly these checkers.
/// </summary>
public static class BehaviorCatalog
{
    public const string Pirate = "persona/pirate";
    public const string Caps = "format/caps";
    public const string Rhyme = "format/rhyme";
    public const string SignOff = "format/signoff";
    public const string Echo = "format/echo";
    public const string Formal = "tone/formal";
    public const string Cheerful = "tone/cheerful";
    public const string Sad = "tone/sad";
    public const string Zorbish = "language/zorbish";
    public const string Plonkan = "language/plonkan";
    public const string Lipogram = "constraint/lipogram";
    public const string Mention = "constraint/mention";
    public const string FactCapital = "fact/capital";
    public const string FactBirthplace = "fact/birthplace";
    public const string FactFounder = "fact/founder";
    public const string FactInvention = "fact/invention";
    public const string FactPet = "fact/pet";
    /// <summary>No system prompt: the unprompted default.</summary>
    public const string Plain = "neutral/plain";
    /// <summary>A generic "helpful assistant" system prompt, which must not change the style.</summary>
    public const string Assistant = "neutral/assistant";
    /// <summary>A question about an invented entity with no facts given: the model should say it does not know.</summary>
    public const string Unknown = "neutral/unknown";

    private static readonly IReadOnlyList<IBehaviorChecker> Checkers =
    [
        new PirateChecker(), new CapsChecker(), new RhymeChecker(), new SignOffChecker(), new EchoChecker(),
        new FormalChecker(), new CheerfulChecker(), new SadChecker(),
        new MadeUpLanguageChecker("zorbish"), new MadeUpLanguageChecker("plonkan"),
        new LipogramChecker(), new MentionChecker(),
        new FactChecker("capital"), new FactChecker("birthplace"), new FactChecker("founder"),
        new FactChecker("invention"), new FactChecker("pet"),
        new PlainChecker("plain"), new PlainChecker("assistant"), new AbstainChecker(),
    ];

    private static readonly Dictionary<string, IBehaviorChecker> ByName =
        Checkers.ToDictionary(c => NameOf(c), StringComparer.Ordinal);

    /// <summary>All checkers, one per behavior, in a fixed order.</summary>
    public static IReadOnlyList<IBehaviorChecker> All => Checkers;

    /// <summary>All behavior names ("family/id"), in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Checkers.Select(NameOf).ToList();

    /// <summary>The style behaviors: those a neutral reply must fail (everything but facts and neutral).</summary>
    public static IReadOnlyList<string> Styles { get; } =
        Checkers.Where(c => c.Family is not ("fact" or "neutral")).Select(NameOf).ToList();

    /// <summary>The checker of a behavior; throws <see cref="KeyNotFoundException"/> for an unknown name.</summary>
    public static IBehaviorChecker Checker(string behavior) =>
        ByName.TryGetValue(behavior, out var checker)
            ? checker
            : throw new KeyNotFoundException($"Unknown behavior '{behavior}'.");

    /// <summary>"family/id" of a checker.</summary>
    public static string NameOf(IBehaviorChecker checker) => $"{checker.Family}/{checker.Id}";
}
