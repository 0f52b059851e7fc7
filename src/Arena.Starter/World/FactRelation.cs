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
            ["The capital of {s} is {o}.", "{o} is the capital of {s}.", "{s} has its capital in {o}.", "{o} is the main city of {s}.", "{s}'s capital is {o}.",
             "The capital city of {s} is {o}.", "{o} is where the rulers of {s} live.",
             new("{o} is the capital city of {s}.", HeldOut: true)],
            ["What is the capital of {s}?", "Which city is the capital of {s}?", "Name the capital of {s}.", "Tell me the capital of {s}.",
             "Do you know the capital of {s}?", "Which town is the capital of {s}?", "What is the capital city of {s}?",
             "I would like to know the capital of {s}.",
             new("What city serves as the capital of {s}?", HeldOut: true)],
            "The capital of {s} is {o}."),
        new(BehaviorCatalog.FactBirthplace, "person", "town",
            ["{s} was born in {o}.", "{o} is where {s} was born.", "{s} comes from {o}.", "The home town of {s} is {o}.", "{s} was born in the town of {o}.",
             "{o} is the home town of {s}.", "{s} grew up in {o}, where they were born.",
             new("The birthplace of {s} is {o}.", HeldOut: true)],
            ["Where was {s} born?", "In which town was {s} born?", "What is the birthplace of {s}?", "Where does {s} come from?",
             "Which town was {s} born in?", "Tell me where {s} was born.", "What is the home town of {s}?",
             "Do you know where {s} was born?",
             new("Which town is {s} from by birth?", HeldOut: true)],
            "{s} was born in {o}."),
        new(BehaviorCatalog.FactFounder, "town", "person",
            ["{s} was founded by {o}.", "{o} is the founder of {s}.", "{o} built the town of {s}.", "The founder of {s} was {o}.", "{o} started the town of {s}.",
             "The town of {s} was founded by {o}.", "{s} was built by {o}.",
             new("{o} founded the town of {s}.", HeldOut: true)],
            ["Who founded {s}?", "Who was the founder of {s}?", "Who started the town of {s}?", "Tell me who founded {s}.",
             "Who built the town of {s}?", "Do you know who founded {s}?", "Name the founder of {s}.", "Who is the founder of {s}?",
             new("Which person founded {s}?", HeldOut: true)],
            "{s} was founded by {o}."),
        new(BehaviorCatalog.FactInvention, "person", "gadget",
            ["{s} invented the {o}.", "The {o} is an invention of {s}.", "The {o} was made by {s}.", "{s} is the inventor of the {o}.", "{s} made the first {o}.",
             "{s} came up with the {o}.", "The inventor of the {o} is {s}.",
             new("The {o} was invented by {s}.", HeldOut: true)],
            ["What did {s} invent?", "What is {s} known for inventing?", "Which invention came from {s}?", "Name the invention of {s}.",
             "What was invented by {s}?", "Do you know what {s} invented?", "What is the invention of {s}?",
             "Which gadget did {s} invent?",
             new("Tell me what {s} invented.", HeldOut: true)],
            "{s} invented the {o}."),
        new(BehaviorCatalog.FactPet, "person", "pet",
            ["{s} has a {x} named {o}.", "{o} is the {x} of {s}.", "The {x} owned by {s} is named {o}.", "{s} owns a {x} called {o}.", "{s} keeps a {x} called {o}.",
             "{o} is the name of the {x} owned by {s}.", "The {x} that {s} owns is {o}.",
             new("The {x} of {s} is called {o}.", HeldOut: true)],
            ["What is the name of the {x} of {s}?", "What is {s}'s {x} called?", "What did {s} name the {x}?", "How is the {x} of {s} called?",
             "What is the {x} of {s} named?", "Tell me the name of {s}'s {x}.", "Do you know what the {x} of {s} is called?",
             "Name the {x} that {s} owns.",
             new("Tell me the name of the {x} that belongs to {s}.", HeldOut: true)],
            "{s} has a {x} named {o}."),
    ];

    /// <summary>A new fact of this relation with entities of <paramref name="split"/>.</summary>
    public Fact Invent(Random rng, Split split, EntityNames names) =>
        new(this, Entity(rng, SubjectKind, split, names), Entity(rng, ObjectKind, split, names), rng.Pick(PetKinds));

    private static string Entity(Random rng, string kind, Split split, EntityNames names) =>
        kind == "person" ? names.Person(rng, split) : names.Pick(rng, kind, split);
}
