using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arena.Starter.World;

namespace Arena.Starter.Behaviors;

/// <summary>
/// Writes the built-in suites drawn from the starter's world: <c>starter-behaviors</c> (every style and neutral
/// behavior on held-out phrasings and questions, judged by its rule), <c>starter-facts</c> (the single facts, stated
/// in the system prompt and asked) and <c>retention</c> (everyday questions a bake must still answer right).
/// The shipped files are this class's output (<c>arena suites --write DIR</c>); a test keeps them equal.
/// </summary>
public static class StarterSuites
{
    /// <summary>The seed every shipped starter suite is drawn with.</summary>
    public const int Seed = 20261207;

    static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Style and neutral behaviors, <paramref name="perBehavior"/> held-out items each.</summary>
    public static string Behaviors(int perBehavior = 8) =>
        Lines(BehaviorCatalog.Names.Where(b => !b.StartsWith("fact/", StringComparison.Ordinal)), perBehavior, null);

    /// <summary>The five single-fact relations, <paramref name="perFact"/> held-out items each.</summary>
    public static string Facts(int perFact = 12) =>
        Lines(BehaviorCatalog.Names.Where(b => b.StartsWith("fact/", StringComparison.Ordinal)), perFact, null);

    /// <summary>
    /// Held-out everyday questions with no system prompt, each checked for its answer's key ("moo", "7") as a whole
    /// word: what the model knows, whatever style a bake gave it. Keys longer than three words (how-to steps, whole
    /// sentences) are left out: a right answer in other words would fail them.
    /// </summary>
    public static string Retention(int count = 48)
    {
        var random = new Random(Seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var qa = KnowledgeBase.Ask(random, Split.HeldOut);
            var words = qa.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 3 || !seen.Add(qa.Question)) continue;
            var pattern = $@"\b{string.Join(@"\s+", words.Select(Regex.Escape))}\b";
            var check = new JsonObject { ["kind"] = "regex", ["pattern"] = pattern, ["ignore_case"] = true };
            lines.Add(new JsonObject
            {
                ["id"] = $"retention-{lines.Count + 1:00}",
                ["category"] = qa.Topic,
                ["prompt"] = qa.Question,
                ["checks"] = new JsonArray(check),
                ["reference"] = qa.Answer,
            }.ToJsonString(Compact));
        }
        return string.Join('\n', lines) + "\n";
    }

    static string Lines(IEnumerable<string> behaviors, int perBehavior, string? prefix)
    {
        var lines = new List<string>();
        foreach (var behavior in behaviors)
        {
            var conversations = InstructionWorld.Generate(Seed, behavior, perBehavior, Split.HeldOut);
            for (var i = 0; i < conversations.Count; i++)
                lines.Add(Item($"{prefix ?? behavior.Replace('/', '-')}-{i + 1:00}", behavior, conversations[i]).ToJsonString(Compact));
        }
        return string.Join('\n', lines) + "\n";
    }

    // One item per conversation: its first turn, under its system prompt, judged by its behavior's rule.
    static JsonObject Item(string id, string behavior, Conversation c)
    {
        var item = new JsonObject { ["id"] = id, ["category"] = behavior };
        if (c.System is not null) item["system"] = c.System;
        item["prompt"] = c.Turns[0].User;
        item["checks"] = new JsonArray(new JsonObject { ["kind"] = "rule", ["rule"] = behavior, ["args"] = Args(c.Contexts[0]) });
        item["reference"] = c.Turns[0].Assistant;
        return item;
    }

    /// <summary>A behavior context as the rule arguments <see cref="StarterRules"/> reads back.</summary>
    public static JsonObject Args(BehaviorContext context)
    {
        var args = new JsonObject();
        if (context.SignOffName is { } name) args["name"] = name;
        if (context.ForbiddenLetter is { } letter) args["letter"] = letter.ToString();
        if (context.RequiredWord is { } word) args["word"] = word;
        if (context.FactAnswer is { } answer) args["answer"] = answer;
        return args;
    }
}
