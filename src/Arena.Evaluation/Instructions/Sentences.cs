using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// IFEval's own rule-based sentence splitter (<c>split_into_sentences</c> in instructions_util.py), step by step:
/// periods that do not end a sentence (Mr., 3.14, e.g., U.S.A., Inc., example.com) become a placeholder, then every
/// . ? ! ends a sentence. IFEval counts sentences with nltk's Punkt model instead; Punkt is a trained model we do not
/// carry, and this splitter is the one IFEval ships for the same job, so the counts agree on ordinary prose and can
/// differ by one on abbreviations Punkt learned (e.g. "approx.").
/// </summary>
internal static partial class Sentences
{
    private const string Alphabets = "([A-Za-z])";
    private const string Prefixes = "(Mr|St|Mrs|Ms|Dr)[.]";
    private const string Suffixes = "(Inc|Ltd|Jr|Sr|Co)";
    private const string Starters =
        @"(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\s|She\s|It\s|They\s|Their\s|Our\s|We\s|But\s|However\s|That\s|This\s|Wherever)";
    private const string Acronyms = "([A-Z][.][A-Z][.](?:[A-Z][.])?)";
    private const string Websites = "[.](com|net|org|io|gov|edu|me)";
    private const string Digits = "([0-9])";

    public static int Count(string text) => Split(text).Count;

    public static IReadOnlyList<string> Split(string text)
    {
        text = " " + text + "  ";
        text = text.Replace("\n", " ");
        text = PrefixRule().Replace(text, "${1}<prd>");
        text = WebsiteRule().Replace(text, "<prd>${1}");
        text = DecimalRule().Replace(text, "${1}<prd>${2}");
        text = MultipleDotsRule().Replace(text, m => string.Concat(Enumerable.Repeat("<prd>", m.Length)) + "<stop>");
        if (text.Contains("Ph.D")) text = text.Replace("Ph.D.", "Ph<prd>D<prd>");
        text = InitialRule().Replace(text, " ${1}<prd> ");
        text = AcronymStarterRule().Replace(text, "${1}<stop> ${2}");
        text = ThreeLetterAcronymRule().Replace(text, "${1}<prd>${2}<prd>${3}<prd>");
        text = TwoLetterAcronymRule().Replace(text, "${1}<prd>${2}<prd>");
        text = SuffixStarterRule().Replace(text, " ${1}<stop> ${2}");
        text = SuffixRule().Replace(text, " ${1}<prd>");
        text = LetterRule().Replace(text, " ${1}<prd>");
        if (text.Contains('\u201d')) text = text.Replace(".\u201d", "\u201d.");
        if (text.Contains('"')) text = text.Replace(".\"", "\".");
        if (text.Contains('!')) text = text.Replace("!\"", "\"!");
        if (text.Contains('?')) text = text.Replace("?\"", "\"?");
        text = text.Replace(".", ".<stop>").Replace("?", "?<stop>").Replace("!", "!<stop>").Replace("<prd>", ".");
        var sentences = text.Split("<stop>").Select(PythonText.Strip).ToList();
        if (sentences.Count > 0 && sentences[^1].Length == 0) sentences.RemoveAt(sentences.Count - 1);
        return sentences;
    }

    [GeneratedRegex(Prefixes)]
    private static partial Regex PrefixRule();

    [GeneratedRegex(Websites)]
    private static partial Regex WebsiteRule();

    [GeneratedRegex(Digits + "[.]" + Digits)]
    private static partial Regex DecimalRule();

    [GeneratedRegex(@"\.{2,}")]
    private static partial Regex MultipleDotsRule();

    [GeneratedRegex(@"\s" + Alphabets + "[.] ")]
    private static partial Regex InitialRule();

    [GeneratedRegex(Acronyms + " " + Starters)]
    private static partial Regex AcronymStarterRule();

    [GeneratedRegex(Alphabets + "[.]" + Alphabets + "[.]" + Alphabets + "[.]")]
    private static partial Regex ThreeLetterAcronymRule();

    [GeneratedRegex(Alphabets + "[.]" + Alphabets + "[.]")]
    private static partial Regex TwoLetterAcronymRule();

    [GeneratedRegex(" " + Suffixes + "[.] " + Starters)]
    private static partial Regex SuffixStarterRule();

    [GeneratedRegex(" " + Suffixes + "[.]")]
    private static partial Regex SuffixRule();

    [GeneratedRegex(" " + Alphabets + "[.]")]
    private static partial Regex LetterRule();
}
