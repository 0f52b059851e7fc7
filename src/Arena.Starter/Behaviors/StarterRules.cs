using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Evaluation;
using Arena.Evaluation.Checks;
using Arena.Starter.World;

namespace Arena.Starter.Behaviors;

/// <summary>
/// The starter's behavior checkers as suite rules, named as in <see cref="BehaviorCatalog"/> ("persona/pirate").
/// Arguments: <c>format/signoff</c> <c>{"name"}</c>, <c>constraint/lipogram</c> <c>{"letter"}</c>,
/// <c>constraint/mention</c> <c>{"word"}</c>, <c>fact/*</c> <c>{"answer"}</c>; <c>format/echo</c> repeats the
/// item's prompt; the made-up languages use the world's own lexicons. The rest take none.
/// </summary>
public sealed class StarterRules : IRuleBook
{
    public static StarterRules Instance { get; } = new();

    public IReadOnlyList<string> Names => BehaviorCatalog.Names;

    public Func<string, bool> Resolve(string name, JsonObject? args, string prompt)
    {
        if (!BehaviorCatalog.Names.Contains(name))
            throw new SuiteException($"unknown rule '{name}' (known: {string.Join(", ", BehaviorCatalog.Names)})");
        var checker = BehaviorCatalog.Checker(name);
        var context = Context(name, args ?? [], prompt);
        return reply => checker.Follows(reply, context);
    }

    static BehaviorContext Context(string name, JsonObject args, string prompt) => name switch
    {
        BehaviorCatalog.SignOff => new() { SignOffName = Arg(args, name, "name") },
        BehaviorCatalog.Lipogram => new() { ForbiddenLetter = Letter(Arg(args, name, "letter"), name) },
        BehaviorCatalog.Mention => new() { RequiredWord = Arg(args, name, "word") },
        BehaviorCatalog.Echo => new() { EchoText = prompt },
        BehaviorCatalog.Zorbish => new() { Language = InstructionWorld.Zorbish },
        BehaviorCatalog.Plonkan => new() { Language = InstructionWorld.Plonkan },
        _ when name.StartsWith("fact/", StringComparison.Ordinal) => new() { FactAnswer = Arg(args, name, "answer") },
        _ => BehaviorContext.None,
    };

    static string Arg(JsonObject args, string rule, string key) =>
        args[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length > 0
            ? v.GetValue<string>()
            : throw new SuiteException($"rule '{rule}' needs \"args\": {{\"{key}\": \"...\"}}");

    static char Letter(string letter, string rule) =>
        letter.Length == 1 && char.IsLetter(letter[0])
            ? char.ToLowerInvariant(letter[0])
            : throw new SuiteException($"rule '{rule}': \"letter\" must be one letter, got \"{letter}\"");
}
