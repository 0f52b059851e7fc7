using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// The world's fixed, derived tables: the answer vocabulary, the two made-up languages built over it, and the
/// entity-name pools. Built once from fixed seeds and never changed afterwards.
/// </summary>
internal sealed class WorldTables
{
    private const int LanguageSeed = 20261123;
    private const int NameSeed = 7919;

    private static readonly Lazy<WorldTables> Shared = new(() => new WorldTables());

    private WorldTables()
    {
        Vocabulary = KnowledgeBase.AllAnswerSentences()
            .SelectMany(TextWords.LowerWords)
            .ToHashSet(StringComparer.Ordinal);
        Zorbish = new MadeUpLanguage(
            "Zorbish", ["zor", "bix", "ka", "vu", "qe", "lim", "dro", "zep", "ux", "gli", "ob", "tra", "kez", "yim", "fla", "snu"],
            Vocabulary, LanguageSeed);
        Plonkan = new MadeUpLanguage(
            "Plonkan", ["plo", "nu", "mee", "sk", "oop", "wa", "bri", "tun", "gos", "ela", "rif", "hoo", "pa", "dul", "yas", "eem"],
            Vocabulary, LanguageSeed + 1);
        Names = new EntityNames(NameSeed, name =>
            Vocabulary.Contains(name.ToLowerInvariant()) || Zorbish.IsWord(name) || Plonkan.IsWord(name));
    }

    public static WorldTables Instance => Shared.Value;

    /// <summary>Every English word (lower case) of every neutral answer.</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    public MadeUpLanguage Zorbish { get; }

    public MadeUpLanguage Plonkan { get; }

    public EntityNames Names { get; }
}
