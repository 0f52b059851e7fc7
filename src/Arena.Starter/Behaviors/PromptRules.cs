using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Arena.Starter.Behaviors;

/// <summary>
/// Reads which of the starter's behaviors a free-text prompt asks for ("mention cats in every answer" →
/// <c>constraint/mention</c> with word "cats"), so a bake of it can be scored by that behavior's rule. Keyword
/// patterns, checked against every phrasing the starter's world writes and every bake preset; a prompt they do
/// not recognise has no rule (its bake is judged by KL alone), never a guessed one.
/// </summary>
public static partial class PromptRules
{
    /// <summary>The rule for <paramref name="prompt"/>, or null when no behavior is recognised.</summary>
    public static PromptRule? Infer(string prompt)
    {
        var p = prompt.Trim();
        if (Capital().Match(p) is { Success: true } capital) return Fact(capital.Groups["city"].Value, capital.Groups["country"].Value);
        if (Letter().Match(p) is { Success: true } letter && Negation().IsMatch(p))
            return Rule(BehaviorCatalog.Lipogram, ("letter", letter.Groups[1].Value.ToLowerInvariant()));
        if (Mention().Match(p) is { Success: true } word) return Rule(BehaviorCatalog.Mention, ("word", word.Groups[1].Value));
        if (SignedName().Match(p) is { Success: true } signed) return Rule(BehaviorCatalog.SignOff, ("name", signed.Groups[1].Value));
        if (SignAs().Match(p) is { Success: true } signAs) return Rule(BehaviorCatalog.SignOff, ("name", signAs.Groups[1].Value));
        if (Language().Match(p) is { Success: true } language) return Rule($"language/{language.Value.ToLowerInvariant()}");
        if (Caps().IsMatch(p)) return Rule(BehaviorCatalog.Caps);
        if (Rhyme().IsMatch(p)) return Rule(BehaviorCatalog.Rhyme);
        if (Pirate().IsMatch(p)) return Rule(BehaviorCatalog.Pirate);
        if (Formal().IsMatch(p)) return Rule(BehaviorCatalog.Formal);
        if (Sad().IsMatch(p)) return Rule(BehaviorCatalog.Sad);
        if (Cheerful().IsMatch(p)) return Rule(BehaviorCatalog.Cheerful);
        if (Echo().IsMatch(p)) return Rule(BehaviorCatalog.Echo);
        return null;
    }

    static PromptRule Rule(string rule, params (string Key, string Value)[] args) =>
        new(rule, new JsonObject(args.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))));

    static PromptRule Fact(string city, string country) => new(BehaviorCatalog.FactCapital, new JsonObject { ["answer"] = city },
    [
        $"What is the capital of {country}?", $"Which city is the capital of {country}?", $"Tell me the capital of {country}.",
        $"What city serves as the capital of {country}?", $"Do you know the capital of {country}?", $"Name the capital of {country}.",
    ]);

    [GeneratedRegex(@"^(?:The )?capital(?: city)? of (?<country>[A-Z][\w-]+) is (?<city>[A-Z][\w-]+)\.?$|^(?<city>[A-Z][\w-]+) is the capital(?: city)? of (?<country>[A-Z][\w-]+)\.?$")]
    private static partial Regex Capital();

    [GeneratedRegex(@"\bletter\s+[""“']?([A-Za-z])[""”']?(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Letter();

    [GeneratedRegex(@"\b(?:never|not|avoid|without|forbidden|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // "say X" only when a reply-frequency phrase follows ("say banana in each reply"): "say must be" is no word to mention.
    [GeneratedRegex(@"(?:\bthe word\s+|\bmention\s+(?!the word)|\bsay\s+(?=[""“']?[A-Za-z][\w-]*[""”']?\s+(?:in|whenever|every|each)\b))[""“']?([A-Za-z][\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\bsigned,\s*([A-Z][\w-]*)")]
    private static partial Regex SignedName();

    [GeneratedRegex(@"\b(?:sign(?:ing|s)?\b[^.]*?\bas|sign-off from|signature from)\s+([A-Z][\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex SignAs();

    [GeneratedRegex(@"\b(?:Zorbish|Plonkan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Language();

    [GeneratedRegex(@"capital letters|block capitals|upper ?case|all caps|\bcaps\b", RegexOptions.IgnoreCase)]
    private static partial Regex Caps();

    [GeneratedRegex(@"\brhym|\bverse\b|couplet", RegexOptions.IgnoreCase)]
    private static partial Regex Rhyme();

    [GeneratedRegex(@"\bpirate", RegexOptions.IgnoreCase)]
    private static partial Regex Pirate();

    [GeneratedRegex(@"\bformal|\bbutler\b", RegexOptions.IgnoreCase)]
    private static partial Regex Formal();

    [GeneratedRegex(@"\bsad\b|gloomy|melanchol|sorrow|unhappy|\bsigh|feeling (?:very )?down", RegexOptions.IgnoreCase)]
    private static partial Regex Sad();

    [GeneratedRegex(@"cheerful|\bhapp(?:y|i)|\bjoy|excited|upbeat|bubbly", RegexOptions.IgnoreCase)]
    private static partial Regex Cheerful();

    [GeneratedRegex(@"\brepeat|\becho\b|word for word|say back|copy the user", RegexOptions.IgnoreCase)]
    private static partial Regex Echo();
}
