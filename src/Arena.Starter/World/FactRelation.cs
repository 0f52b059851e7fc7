using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// A kind of invented fact, e.g. "The capital of {s} is {o}.": the entity kinds of its subject and object, how
/// the system prompt states it, how users ask about it and how the assistant answers. {x} is an extra detail
/// (the kind of pet).
/// </summary>
internal sealed record FactRelation(
    string Behavior,
    string SubjectKind,
    string ObjectKind,
    IReadOnlyList<Template> Statements,
    IReadOnlyList<Template> Questions,
    Template Answer)
{
    private static readonly string[] PetKinds = ["cat", "dog", "parrot", "rabbit", "hamster", "turtle", "goldfish", "pony"];

    public static IReadOnlyList<FactRelation> All { get; } =
    [
        new(BehaviorCatalog.FactCapital, "country", "town",
            ["The capital of {s} is {o}.", new("{o} is the capital city of {s}.", HeldOut: true)],
            ["What is the capital of {s}?", "Which city is the capital of {s}?", "Name the capital of {s}.",
             new("What city serves as the capital of {s}?", HeldOut: true)],
            "The capital of {s} is {o}."),
        new(BehaviorCatalog.FactBirthplace, "person", "town",
            ["{s} was born in {o}.", new("The birthplace of {s} is {o}.", HeldOut: true)],
            ["Where was {s} born?", "In which town was {s} born?", "What is the birthplace of {s}?",
             new("Which town is {s} from by birth?", HeldOut: true)],
            "{s} was born in {o}."),
        new(BehaviorCatalog.FactFounder, "town", "person",
            ["{s} was founded by {o}.", new("{o} founded the town of {s}.", HeldOut: true)],
            ["Who founded {s}?", "Who was the founder of {s}?", "Who started the town of {s}?",
             new("Which person founded {s}?", HeldOut: true)],
            "{s} was founded by {o}."),
        new(BehaviorCatalog.FactInvention, "person", "gadget",
            ["{s} invented the {o}.", new("The {o} was invented by {s}.", HeldOut: true)],
            ["What did {s} invent?", "What is {s} known for inventing?", "Which invention came from {s}?",
             new("Tell me what {s} invented.", HeldOut: true)],
            "{s} invented the {o}."),
        new(BehaviorCatalog.FactPet, "person", "pet",
            ["{s} has a {x} named {o}.", new("The {x} of {s} is called {o}.", HeldOut: true)],
            ["What is the name of the {x} of {s}?", "What is {s}'s {x} called?", "What did {s} name the {x}?",
             new("Tell me the name of the {x} that belongs to {s}.", HeldOut: true)],
            "{s} has a {x} named {o}."),
    ];

    /// <summary>A new fact of this relation with entities of <paramref name="split"/>.</summary>
    public Fact Invent(Random rng, Split split, EntityNames names) =>
        new(this, Entity(rng, SubjectKind, split, names), Entity(rng, ObjectKind, split, names), rng.Pick(PetKinds));

    private static string Entity(Random rng, string kind, Split split, EntityNames names) =>
        kind == "person" ? names.Person(rng, split) : names.Pick(rng, kind, split);
}
