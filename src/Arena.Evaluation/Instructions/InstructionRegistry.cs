using System.Text.Json.Nodes;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// IFEval's instruction registry (<c>instructions_registry.INSTRUCTION_DICT</c>): builds an instruction from its id,
/// its kwargs and the item's prompt, with the kwargs IFEval's own data uses. Unlike IFEval it never picks a random
/// default: a missing, mistyped or out-of-range kwarg is a <see cref="SuiteException"/> naming the instruction and
/// the kwarg.
/// </summary>
public static class InstructionRegistry
{
    private sealed record Entry(string Id, string[] Kwargs, Func<InstructionArgs, IInstruction> Build);

    // In INSTRUCTION_DICT's order.
    private static readonly Entry[] Entries =
    [
        new(KeywordExistence.Name, ["keywords"], a => new KeywordExistence(a.Texts("keywords"))),
        new(KeywordFrequency.Name, ["keyword", "frequency", "relation"],
            a => new KeywordFrequency(a.Text("keyword"), a.Count("frequency"), a.Relation("relation"))),
        new(ForbiddenWords.Name, ["forbidden_words"], a => new ForbiddenWords(a.Texts("forbidden_words"))),
        new(LetterFrequency.Name, ["letter", "let_frequency", "let_relation"],
            a => new LetterFrequency(Letter(a), a.Count("let_frequency"), a.Relation("let_relation"))),
        new(ResponseLanguage.Name, ["language"], a => new ResponseLanguage(Language(a))),
        new(NumberOfSentences.Name, ["num_sentences", "relation"],
            a => new NumberOfSentences(a.Count("num_sentences"), a.Relation("relation"))),
        new(NumberOfParagraphs.Name, ["num_paragraphs"], a => new NumberOfParagraphs(a.Count("num_paragraphs"))),
        new(NumberOfWords.Name, ["num_words", "relation"],
            a => new NumberOfWords(a.Count("num_words"), a.Relation("relation"))),
        new(NthParagraphFirstWord.Name, ["num_paragraphs", "nth_paragraph", "first_word"], NthParagraph),
        new(NumberOfPlaceholders.Name, ["num_placeholders"], a => new NumberOfPlaceholders(a.Count("num_placeholders"))),
        new(Postscript.Name, ["postscript_marker"], a => new Postscript(a.Text("postscript_marker"))),
        new(NumberOfBulletLists.Name, ["num_bullets"], a => new NumberOfBulletLists(a.Count("num_bullets"))),
        new(ConstrainedResponse.Name, [], _ => new ConstrainedResponse()),
        new(NumberOfHighlightedSections.Name, ["num_highlights"],
            a => new NumberOfHighlightedSections(a.Count("num_highlights"))),
        new(MultipleSections.Name, ["section_spliter", "num_sections"],
            a => new MultipleSections(a.Text("section_spliter"), a.Count("num_sections"))),
        new(JsonFormat.Name, [], _ => new JsonFormat()),
        new(Title.Name, [], _ => new Title()),
        new(TwoResponses.Name, [], _ => new TwoResponses()),
        new(RepeatPrompt.Name, ["prompt_to_repeat"], a => new RepeatPrompt(a.Text("prompt_to_repeat"))),
        new(EndPhrase.Name, ["end_phrase"], a => new EndPhrase(a.Text("end_phrase"))),
        new(CapitalWordFrequency.Name, ["capital_frequency", "capital_relation"],
            a => new CapitalWordFrequency(a.Count("capital_frequency"), a.Relation("capital_relation"))),
        new(EnglishCapital.Name, [], _ => new EnglishCapital()),
        new(EnglishLowercase.Name, [], _ => new EnglishLowercase()),
        new(NoComma.Name, [], _ => new NoComma()),
        new(Quotation.Name, [], _ => new Quotation()),
    ];

    /// <summary>Every instruction id this registry knows, in IFEval's spelling and order.</summary>
    public static IReadOnlyList<string> Ids { get; } = Entries.Select(e => e.Id).ToArray();

    /// <summary>
    /// The instruction <paramref name="id"/> with <paramref name="kwargs"/> (null values count as absent, as in
    /// IFEval's published data). Throws <see cref="SuiteException"/> for an unknown id or wrong kwargs.
    /// <paramref name="prompt"/> is the item's prompt; IFEval hands it only to instructions that take a
    /// <c>prompt</c> kwarg, and none of the 25 does (<c>repeat_prompt</c> names its text in <c>prompt_to_repeat</c>).
    /// </summary>
    public static IInstruction Create(string id, JsonObject? kwargs, string prompt)
    {
        var entry = Entries.FirstOrDefault(e => e.Id == id)
            ?? throw new SuiteException($"unknown instruction id '{id}' (known: {string.Join(", ", Ids)})");
        return entry.Build(new InstructionArgs(id, kwargs, entry.Kwargs));
    }

    private static string Letter(InstructionArgs args)
    {
        var letter = args.Text("letter");
        return letter.Length == 1 ? letter : throw args.Error("letter", $"must be a single character, not '{letter}'");
    }

    private static string Language(InstructionArgs args)
    {
        var code = PythonText.Strip(args.Text("language"));
        return LanguageScripts.IsKnown(code)
            ? code
            : throw args.Error("language", $"'{code}' is not an ISO 639-1 code with a known script ({string.Join(" ", LanguageScripts.Codes)})");
    }

    private static NthParagraphFirstWord NthParagraph(InstructionArgs args)
    {
        var paragraphs = args.Count("num_paragraphs", min: 1);
        var nth = args.Count("nth_paragraph", min: 1);
        if (nth > paragraphs)
            throw args.Error("nth_paragraph", $"must be at most num_paragraphs ({paragraphs}), not {nth}");
        return new NthParagraphFirstWord(paragraphs, nth, args.Text("first_word"));
    }
}
