using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// The synthetic "instruction world" the starter model is trained on: everyday questions with simple neutral
/// answers, the same answers restyled by system-prompted behaviors (pirate, caps, rhyme, made-up languages...),
/// and invented facts stated in system prompts. Generation is deterministic: conversation <c>i</c> of a seed
/// and split depends on nothing else, so a longer run extends a shorter one.
/// </summary>
public static class InstructionWorld
{
    // Neutral data is a fifth of the mix so the unprompted default is learned as firmly as any style. Everything that
    // needs copying from the prompt (echo, sign-off, required word, facts) weighs more: copying is the hardest skill
    // for a small model, and the one a bake of a name or a fact depends on.
    private static readonly (string Behavior, double Weight)[] Mix =
    [
        (BehaviorCatalog.Plain, 2), (BehaviorCatalog.Assistant, 1), (BehaviorCatalog.Unknown, 1),
        (BehaviorCatalog.Pirate, 1), (BehaviorCatalog.Caps, 1), (BehaviorCatalog.Rhyme, 1), (BehaviorCatalog.SignOff, 1.2), (BehaviorCatalog.Echo, 2.5),
        (BehaviorCatalog.Formal, 1), (BehaviorCatalog.Cheerful, 1), (BehaviorCatalog.Sad, 1),
        (BehaviorCatalog.Zorbish, 1), (BehaviorCatalog.Plonkan, 1), (BehaviorCatalog.Lipogram, 1), (BehaviorCatalog.Mention, 1.2),
        (BehaviorCatalog.FactCapital, 1.2), (BehaviorCatalog.FactBirthplace, 1.2), (BehaviorCatalog.FactFounder, 1.2),
        (BehaviorCatalog.FactInvention, 1.2), (BehaviorCatalog.FactPet, 1.2),
    ];

    private static readonly Lazy<ConversationFactory> Factory = new(() => new ConversationFactory(WorldTables.Instance));

    /// <summary>The share of each behavior in <see cref="Generate"/>'s output (weights summing to 1).</summary>
    public static IReadOnlyDictionary<string, double> BehaviorShares { get; } =
        Mix.ToDictionary(m => m.Behavior, m => m.Weight / Mix.Sum(x => x.Weight));

    /// <summary>The Zorbish language (behavior <c>language/zorbish</c>).</summary>
    public static MadeUpLanguage Zorbish => WorldTables.Instance.Zorbish;

    /// <summary>The Plonkan language (behavior <c>language/plonkan</c>).</summary>
    public static MadeUpLanguage Plonkan => WorldTables.Instance.Plonkan;

    /// <summary><paramref name="count"/> conversations of mixed behaviors (see <see cref="BehaviorShares"/>).</summary>
    public static IReadOnlyList<Conversation> Generate(int seed, int count, Split split = Split.Train) =>
        [.. Enumerable.Range(0, count).Select(i => GenerateAt(seed, i, split))];

    /// <summary>Conversation number <paramref name="index"/> of the mixed stream of a seed and split.</summary>
    public static Conversation GenerateAt(int seed, long index, Split split = Split.Train)
    {
        var rng = RandomExtensions.For(seed, index, salt: (int)split);
        return Factory.Value.Create(PickBehavior(rng), rng, split);
    }

    /// <summary><paramref name="count"/> conversations of one behavior ("family/id").</summary>
    public static IReadOnlyList<Conversation> Generate(int seed, string behavior, int count, Split split = Split.Train)
    {
        _ = BehaviorCatalog.Checker(behavior); // fail fast on an unknown name
        // Salted by the behavior's name, so each behavior's stream stays put when behaviors are added.
        var salt = RandomExtensions.StableHash(behavior) + (int)split;
        return [.. Enumerable.Range(0, count).Select(i => Factory.Value.Create(behavior, RandomExtensions.For(seed, i, salt), split))];
    }

    /// <summary>
    /// Copy drills: echo conversations of long lists (8–24 invented names and words), every reply token a copy of
    /// the user's. The build trains on these first, so that induction heads (attend to the token after the previous
    /// occurrence of the current one, copy it) form before the mixed data needs them.
    /// </summary>
    public static IReadOnlyList<Conversation> CopyDrills(int seed, int count, int maxWords = 24) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var rng = RandomExtensions.For(seed, i, RandomExtensions.StableHash("copy-drill"));
            return Factory.Value.Echo(rng.Next(1, 3), rng, Split.Train, Math.Min(8, maxWords), maxWords);
        })];

    /// <summary>
    /// Evaluation probes: <paramref name="perBehavior"/> held-out conversations of every behavior, as
    /// (system prompt, user turns, contexts, reference replies); score them with <see cref="EvaluationSuite"/>.
    /// With <see cref="Split.Train"/> the probes use training phrasings and names instead (fresh conversations, so not
    /// the training data itself): a diagnostic that tells learning a behavior from mapping unseen phrasings onto it.
    /// </summary>
    public static IReadOnlyList<Probe> Probes(int seed, int perBehavior, Split split = Split.HeldOut) =>
        [.. BehaviorCatalog.Names.SelectMany(b => Generate(seed, b, perBehavior, split)).Select(ToProbe)];

    /// <summary>A seeded bake scenario for <paramref name="behavior"/> (see <see cref="BakeScenario"/>).</summary>
    public static BakeScenario Scenario(int seed, string behavior, int trainQueries = 48, int evalQueries = 24)
    {
        _ = BehaviorCatalog.Checker(behavior);
        return Factory.Value.Scenario(behavior, RandomExtensions.For(seed, 0, RandomExtensions.StableHash("scenario/" + behavior)), trainQueries, evalQueries);
    }

    /// <summary>A conversation as a probe: its user turns to replay, its assistant turns as references.</summary>
    public static Probe ToProbe(Conversation c) =>
        new(c.Behavior, c.System, [.. c.Turns.Select(t => t.User)], c.Contexts, [.. c.Turns.Select(t => t.Assistant)]);

    private static string PickBehavior(Random rng)
    {
        var x = rng.NextDouble() * Mix.Sum(m => m.Weight);
        foreach (var (behavior, weight) in Mix)
            if ((x -= weight) < 0) return behavior;
        return Mix[^1].Behavior;
    }
}
