using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>A made-up language: the neutral answer translated word by word with the language's lexicon.</summary>
internal sealed class LanguageStyle(string behavior, MadeUpLanguage language) : IStyle
{
    public string Behavior => behavior;

    public BehaviorContext Configure(Random rng, Split split) => new() { Language = language };

    public string Reply(QaItem qa, BehaviorContext context, Random rng) => language.Translate(qa.Answer);
}
