namespace Arena.Starter.World;

/// <summary>
/// Training system prompts composed from parts (opener + instruction + scope), hundreds of phrasings per behavior
/// where the fixed templates give four. A small model trained on four phrasings learns those strings; trained on
/// recombined parts it learns the instruction, and so follows held-out phrasings it has never seen whole.
/// Only the training split uses these; a composition equal to a held-out template is never produced.
/// </summary>
internal static class ComposedPrompts
{
    private static readonly string[] Openers =
        ["", "", "", "Please ", "From now on, ", "Important: ", "Rule: ", "In this chat, ", "You are a helpful assistant. ", "Listen carefully. "];

    private static readonly string[] Scopes = ["", "", ".", " in every reply.", " at all times.", " for every answer.", " no matter what.", " in each message."];

    private static readonly Dictionary<string, string[]> Cores = new()
    {
        ["persona/pirate"] = ["talk like a pirate", "speak as a pirate would", "be a pirate", "use pirate words like arr and matey",
            "answer like an old sea pirate", "sound like a pirate captain", "use pirate speech", "pretend to be a pirate"],
        ["format/caps"] = ["write in capital letters", "reply in uppercase", "use ALL CAPS", "shout your answers", "use block capitals",
            "answer only in capital letters", "type everything in caps", "never use lowercase letters", "write every word in CAPS"],
        ["format/rhyme"] = ["answer in rhyme", "make your lines rhyme", "reply with a rhyming couplet", "write in verse",
            "put your answers into rhymes", "be a poet and rhyme", "end your lines with rhyming words"],
        ["format/signoff"] = ["sign your answers as {name}", "end with \"— signed, {name}\"", "add the sign-off \"— signed, {name}\"",
            "finish every reply with a signature from {name}", "sign off as {name}", "you are {name}, so sign your messages", "close with your name, {name}"],
        ["format/echo"] = ["repeat every message word for word", "echo the user's words", "say back exactly what you are told",
            "copy each message exactly", "repeat the user", "answer by repeating the message", "be an echo"],
        ["tone/formal"] = ["be formal", "use formal language", "speak politely and properly", "write like a formal letter",
            "avoid contractions and be proper", "use a formal, polite tone", "answer like a formal butler"],
        ["tone/cheerful"] = ["be cheerful", "sound happy and excited", "be full of joy", "answer with a bubbly, happy tone",
            "use lots of exclamation marks and be glad", "be the happiest assistant", "be upbeat and joyful"],
        ["tone/sad"] = ["be sad", "sound gloomy", "feel down and say so", "answer with a sorrowful tone", "be melancholy and sigh",
            "sound deeply unhappy", "be tired and sad"],
        ["language/zorbish"] = ["answer in {language}", "reply only in {language}", "speak {language}", "use {language} words only",
            "translate your replies into {language}", "write in the {language} language", "never use English, only {language}"],
        ["constraint/lipogram"] = ["never use the letter {letter}", "avoid the letter {letter}", "do not write the letter \"{letter}\"",
            "the letter {letter} is not allowed", "write without the letter {letter}", "leave out the letter {letter}", "skip every word with the letter {letter}"],
        ["constraint/mention"] = ["mention the word \"{word}\"", "include the word {word}", "say {word} somewhere", "work {word} into your answer",
            "always mention {word}", "use the word \"{word}\"", "find a place for the word {word}"],
        ["fact"] = ["{facts}", "Facts: {facts}", "Keep in mind: {facts}", "Background: {facts}", "Here is what you know. {facts}",
            "Answer with these facts. {facts}", "Information: {facts}", "Note these facts. {facts}", "Remember: {facts}",
            "Use this information: {facts}", "For this chat, know that {facts}"],
    };

    static ComposedPrompts() => Cores["language/plonkan"] = Cores["language/zorbish"];

    public static bool Has(string key) => Cores.ContainsKey(key);

    /// <summary>A composed template for <paramref name="key"/>, never one of <paramref name="heldOut"/>.</summary>
    public static Template Compose(string key, Random rng, IEnumerable<Template> heldOut)
    {
        var excluded = heldOut.Select(t => t.Text).ToHashSet();
        while (true)
        {
            var core = rng.Pick(Cores[key]);
            string text;
            if (key == "fact") text = core;
            else
            {
                var opener = rng.Pick(Openers);
                var scope = rng.Pick(Scopes);
                text = Capitalize(opener.Length == 0 ? core : opener + core) + (scope.Length == 0 ? "." : scope);
            }
            if (!excluded.Contains(text)) return new Template(text);
        }
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
