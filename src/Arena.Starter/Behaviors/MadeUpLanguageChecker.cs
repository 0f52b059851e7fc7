namespace Arena.Starter.Behaviors;

/// <summary>
/// Written in a made-up language: at least three words, and at least 80% of them spelled with the language's
/// syllables (names and the odd untranslated word are tolerated; an English reply scores near 0%).
/// </summary>
public sealed class MadeUpLanguageChecker(string id) : IBehaviorChecker
{
    private const int MinWords = 3;
    private const double MinShare = 0.8;

    /// <inheritdoc />
    public string Family => "language";

    /// <inheritdoc />
    public string Id { get; } = id;

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var language = context.Require(context.Language, nameof(context.Language));
        var words = TextWords.Words(reply).ToList();
        return words.Count >= MinWords && words.Count(language.IsWord) >= MinShare * words.Count;
    }
}
