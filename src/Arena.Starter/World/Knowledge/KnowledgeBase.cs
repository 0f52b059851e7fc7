namespace Arena.Starter.World;

/// <summary>All everyday topics; a question is drawn by picking a topic uniformly, then a row.</summary>
internal static class KnowledgeBase
{
    public static IReadOnlyList<TableTopic> Topics { get; } =
    [
        AnimalTopics.Sounds, AnimalTopics.Homes, AnimalTopics.Food, AnimalTopics.Legs,
        EverydayTopics.Colors, EverydayTopics.Ingredients, EverydayTopics.Weather, EverydayTopics.Places,
        NumberTopics.Addition, NumberTopics.Successor, NumberTopics.Parity, NumberTopics.Counts,
        HowToTopics.Tasks,
    ];

    /// <summary>A random question of <paramref name="split"/> with its neutral answer.</summary>
    public static QaItem Ask(Random rng, Split split) => rng.Pick(Topics).Ask(rng, split);

    /// <summary>Every neutral answer sentence of every topic.</summary>
    public static IEnumerable<string> AllAnswerSentences() =>
        Topics.SelectMany(t => t.AllAnswers()).SelectMany(a => a);
}
