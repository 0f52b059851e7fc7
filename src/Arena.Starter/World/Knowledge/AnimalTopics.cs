namespace Arena.Starter.World;

/// <summary>Animals: their sounds, homes, food and legs.</summary>
internal static class AnimalTopics
{
    public static TableTopic Sounds { get; } = new(
        "animal-sound",
        [("cow", "moo"), ("dog", "woof"), ("cat", "meow"), ("duck", "quack"), ("sheep", "baa"), ("lion", "roar"),
         ("owl", "hoot"), ("horse", "neigh"), ("pig", "oink"), ("frog", "croak"), ("bee", "buzz"), ("snake", "hiss"),
         ("mouse", "squeak"), ("crow", "caw"), ("goat", "bleat"), ("wolf", "howl"), ("chick", "cheep"), ("dove", "coo")],
        [
            "What sound does a {s} make?", "What does a {s} say?", "What noise does a {s} make?", "How does a {s} sound?",
            new("Which sound comes from a {s}?", HeldOut: true),
            new("If a {s} could talk, what would it say?", HeldOut: true),
        ],
        "A {s} says {o}.",
        ["Each animal makes its own sound, and this is the sound of the {s}.",
         "Listen closely and you'll hear it on a quiet day.",
         "Many children learn this sound when they are small."]);

    public static TableTopic Homes { get; } = new(
        "animal-home",
        [("fish", "in water"), ("bird", "in a nest"), ("bee", "in a hive"), ("rabbit", "in a burrow"), ("bear", "in a den"),
         ("spider", "on a web"), ("ant", "in an anthill"), ("horse", "in a stable"), ("pig", "in a sty"),
         ("dog", "in a kennel"), ("bat", "in a cave"), ("fox", "in a den"), ("owl", "in a hollow tree"),
         ("frog", "near a pond"), ("cow", "on a farm"), ("camel", "in the desert"), ("penguin", "on the ice"),
         ("monkey", "in the jungle"), ("whale", "in the ocean"), ("squirrel", "in a tree")],
        [
            "Where does a {s} live?", "What is the home of a {s}?", "Where do you find a {s}?", "Where does a {s} sleep?",
            new("Where would a {s} make its home?", HeldOut: true),
            new("In what place is a {s} usually found?", HeldOut: true),
        ],
        "A {s} lives {o}.",
        ["Every animal needs a safe place to rest, and this is where the {s} stays.",
         "That is where it feels safe and goes to sleep at night.",
         "It's a good place for the animal to hide."]);

    public static TableTopic Food { get; } = new(
        "animal-food",
        [("rabbit", "carrots and grass"), ("cow", "grass"), ("panda", "bamboo"), ("cat", "fish and meat"),
         ("monkey", "bananas and fruit"), ("bird", "seeds and worms"), ("horse", "hay and oats"),
         ("squirrel", "nuts and seeds"), ("bee", "nectar from flowers"), ("koala", "leaves"), ("mouse", "cheese and grain"),
         ("dog", "meat and biscuits"), ("owl", "mice"), ("frog", "flies"), ("goat", "grass and leaves"),
         ("bear", "berries and fish"), ("chicken", "corn and seeds"), ("elephant", "grass and fruit"),
         ("giraffe", "leaves from tall trees"), ("duck", "plants and small bugs")],
        [
            "What does a {s} eat?", "What food does a {s} like?", "What do you feed a {s}?", "What is a {s} fed on?",
            new("What is the favorite meal of a {s}?", HeldOut: true),
            new("Which food keeps a {s} healthy?", HeldOut: true),
        ],
        "A {s} eats {o}.",
        ["Animals need good food to stay strong, just like people.",
         "If you see one, please don't give it junk food.",
         "Food is what gives the animal its energy."]);

    public static TableTopic Legs { get; } = new(
        "animal-legs",
        [("spider", "eight"), ("dog", "four"), ("bird", "two"), ("ant", "six"), ("snake", "no"), ("horse", "four"),
         ("cat", "four"), ("duck", "two"), ("bee", "six"), ("cow", "four"), ("frog", "four"), ("chicken", "two"),
         ("lion", "four"), ("beetle", "six"), ("owl", "two"), ("fish", "no")],
        [
            "How many legs does a {s} have?", "How many legs has a {s} got?", "Count the legs of a {s} for me.",
            new("What is the number of legs on a {s}?", HeldOut: true),
            new("A {s} walks on how many legs?", HeldOut: true),
        ],
        "A {s} has {o} legs.",
        ["Legs help an animal to walk, run and climb.",
         "Not every animal has the same number of legs.",
         "Scientists like to study how animals move."]);
}
