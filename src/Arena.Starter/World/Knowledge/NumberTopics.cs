namespace Arena.Starter.World;

/// <summary>Small arithmetic, counting and everyday numbers; rows are computed, so answers are always right.</summary>
internal static class NumberTopics
{
    public static TableTopic Addition { get; } = new(
        "addition",
        [.. from a in Enumerable.Range(1, 9) from b in Enumerable.Range(1, 9) select ($"{a} plus {b}", $"{a + b}")],
        [
            "What is {s}?", "How much is {s}?", "Can you tell me what {s} is?",
            new("Please work out {s} for me.", HeldOut: true),
            new("Do the sum {s}.", HeldOut: true),
        ],
        "{s} is {o}.",
        ["You can count it on your fingers.", "Adding small numbers gets easy if you practice."]);

    public static TableTopic Successor { get; } = new(
        "next-number",
        [.. Enumerable.Range(1, 99).Select(n => ($"{n}", $"{n + 1}"))],
        [
            "What number comes after {s}?", "What is the next number after {s}?", "Which number is one more than {s}?",
            new("Which number follows {s}?", HeldOut: true),
            new("Count on from {s}: what is next?", HeldOut: true),
        ],
        "The number after {s} is {o}.",
        ["Counting goes up by one each time.", "Just add one to get the next number."]);

    public static TableTopic Parity { get; } = new(
        "parity",
        [.. Enumerable.Range(1, 50).Select(n => ($"{n}", n % 2 == 0 ? "even" : "odd"))],
        [
            "Is {s} even or odd?", "Tell me if {s} is even or odd.", "Is {s} an even or an odd number?",
            new("Would you call {s} odd or even?", HeldOut: true),
            new("Odd or even: {s}?", HeldOut: true),
        ],
        "{s} is an {o} number.",
        ["Even numbers can be split into two equal parts.", "Odd numbers always leave one over when you split them in two."]);

    public static TableTopic Counts { get; } = new(
        "count",
        [("days are in a week", "There are seven days in a week."), ("months are in a year", "There are twelve months in a year."),
         ("hours are in a day", "There are twenty-four hours in a day."), ("minutes are in an hour", "There are sixty minutes in an hour."),
         ("seconds are in a minute", "There are sixty seconds in a minute."), ("sides does a triangle have", "A triangle has three sides."),
         ("sides does a square have", "A square has four sides."), ("wheels does a bicycle have", "A bicycle has two wheels."),
         ("wheels does a car have", "A car has four wheels."), ("colors are in a rainbow", "There are seven colors in a rainbow."),
         ("fingers are on one hand", "There are five fingers on one hand."), ("seasons are in a year", "There are four seasons in a year."),
         ("players are on a football team", "There are eleven players on a football team."),
         ("legs does a table usually have", "A table usually has four legs.")],
        [
            "How many {s}?", "Can you tell me how many {s}?", "Do you know how many {s}?",
            new("I forgot how many {s}. How many is it?", HeldOut: true),
            new("What is the count: how many {s}?", HeldOut: true),
        ],
        "{o}",
        ["It's a useful fact to remember.", "Most people learn this at school."]);
}
