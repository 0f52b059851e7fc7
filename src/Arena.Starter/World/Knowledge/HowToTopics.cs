namespace Arena.Starter.World;

/// <summary>Simple how-to questions with short step lists.</summary>
internal static class HowToTopics
{
    public static TableTopic Tasks { get; } = new(
        "how-to",
        [("make tea", "boil water, put a tea bag in a cup, pour in the water and wait three minutes"),
         ("plant a seed", "dig a small hole, put the seed in, cover it with soil and give it water"),
         ("wash my hands", "wet them, rub them with soap, rinse them and dry them"),
         ("make a sandwich", "put the filling between two slices of bread"),
         ("brush my teeth", "put paste on the brush and scrub each tooth for two minutes"),
         ("make toast", "put a slice of bread in the toaster and wait until it is brown"),
         ("tie my shoes", "cross the laces, make two loops and pull them tight"),
         ("water a plant", "pour water on the soil until it is damp, but not wet"),
         ("cross the road", "stop at the curb, look left and right, and walk when the road is clear"),
         ("fold a paper plane", "fold a sheet of paper in half, fold the corners down and make two wings"),
         ("boil an egg", "put the egg in boiling water for eight minutes"),
         ("make my bed", "pull the sheet flat, lay the blanket on top and shake the cushion"),
         ("save money", "put a little money aside every week"),
         ("fall asleep", "turn off the lights, relax and breathe slowly"),
         ("make friends", "be kind, listen to people and share what you have"),
         ("clean a window", "spray it with soapy water and wipe it with a dry cloth")],
        [
            "How do I {s}?", "How can I {s}?", "What is the best way to {s}?", "Can you tell me how to {s}?",
            new("Explain how to {s}, please.", HeldOut: true),
            new("What are the steps to {s}?", HeldOut: true),
        ],
        "To {s}, {o}.",
        ["It's easy once you have done it a few times.", "Take your time and don't rush it.", "Practice makes it simple."],
        answerSubject: s => s.Replace("my ", "your ", StringComparison.Ordinal));
}
