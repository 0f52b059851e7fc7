namespace Arena.Contracts.Bakes;

/// <summary>Where bake queries come from, and how they are cleaned and split into training and held-out sets.</summary>
public static class QuerySet
{
    /// <summary>Everyday questions a user of a small chat model might ask; used when the user gives none.</summary>
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "What is your favorite color?", "Tell me about cats.", "How do I make tea?", "What is the weather like today?",
        "Can you describe a dog?", "What should I eat for breakfast?", "How many legs does a spider have?",
        "What is the sky like at night?", "Tell me about the ocean.", "How do I plant a tree?", "What is a good name for a fish?",
        "Why do birds sing?", "What is two plus three?", "Where do bears live?", "How do I wash my hands?",
        "What do cows eat?", "Tell me about apples.", "What is rain?", "Can you tell me about the moon?",
        "How do I bake bread?", "What is the color of grass?", "Tell me about horses.", "What time is good for a walk?",
        "How do I tie my shoes?", "What is snow?", "Tell me about the sun.", "What is a river?", "How do I make soup?",
        "What is a good hobby?", "Tell me about owls.", "What is the biggest animal?", "How do I read a map?",
        "What do you like about summer?", "Tell me about bananas.", "How do I clean my room?", "What is a mountain?",
        "Can you count to five?", "Tell me about rabbits.", "What is wind?", "How do I make a sandwich?",
        "What is your name?", "Tell me about flowers.", "How are you today?", "What is a city?", "Tell me about frogs.",
        "How do I write a letter?", "What is the best fruit?", "Tell me about winter.", "What do ducks do?",
        "How do I stay warm?", "Tell me a fact about lions.", "What is a forest?", "How do I cook rice?",
        "What is a good pet?", "Tell me about the stars.", "What is milk made of?", "How do I ride a bike?",
        "Tell me about trains.", "What is a cloud?", "Give me some advice for the day.",
    ];

    /// <summary>Trims, drops empties and case/space-insensitive duplicates, keeps first-seen order.</summary>
    public static List<string> Deduplicate(IEnumerable<string> queries)
    {
        var seen = new HashSet<string>();
        var result = new List<string>();
        foreach (var q in queries)
        {
            var t = q.Trim();
            var key = string.Join(' ', t.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (key.Length > 0 && seen.Add(key)) result.Add(t);
        }
        return result;
    }

    /// <summary>A seeded split: at least one query trains; held-out gets round(fraction · n) of the rest.</summary>
    public static (List<string> Train, List<string> HeldOut) Split(IReadOnlyList<string> queries, double heldOutFraction, long seed)
    {
        var shuffled = queries.ToArray();
        new Random((int)(seed & 0x7fffffff)).Shuffle(shuffled);
        var held = Math.Min(queries.Count - 1, (int)Math.Round(heldOutFraction * queries.Count));
        return (shuffled[held..].ToList(), shuffled[..held].ToList());
    }
}
