namespace Arena.Starter.Behaviors;

/// <summary>
/// The world's rhyme table: groups of words that rhyme with each other. Rhyming replies end their lines with
/// words from one group, and the rhyme checker accepts only words listed here, which keeps it strict and exact.
/// </summary>
public static class RhymeTable
{
    private static readonly string[][] GroupWords =
    [
        ["day", "way", "say", "play", "stay", "today", "away", "may", "bay"],
        ["true", "you", "blue", "do", "through", "new", "too", "knew", "two", "view", "clue"],
        ["know", "go", "show", "so", "glow", "slow", "grow", "snow", "flow", "below"],
        ["right", "bright", "light", "night", "sight", "delight", "white", "bite"],
        ["me", "see", "tea", "free", "be", "sea", "tree", "three", "key", "agree"],
        ["all", "small", "call", "tall", "ball", "wall", "fall", "recall"],
        ["fun", "sun", "done", "one", "run", "begun", "won"],
        ["care", "share", "there", "where", "air", "fair", "square", "aware"],
        ["mind", "kind", "find", "behind", "humankind"],
        ["well", "tell", "bell", "spell", "smell", "shell"],
        ["clear", "here", "near", "dear", "year", "hear", "cheer"],
    ];

    private static readonly Dictionary<string, int> GroupOfWord = GroupWords
        .SelectMany((words, group) => words.Select(w => (w, group)))
        .ToDictionary(p => p.w, p => p.group);

    /// <summary>The rhyme groups, each a list of lower-case words.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups { get; } = GroupWords;

    /// <summary>True when both words are in the table, in the same group, and not the same word.</summary>
    public static bool Rhymes(string a, string b) =>
        !string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        && GroupOfWord.TryGetValue(a.ToLowerInvariant(), out var ga)
        && GroupOfWord.TryGetValue(b.ToLowerInvariant(), out var gb)
        && ga == gb;
}
