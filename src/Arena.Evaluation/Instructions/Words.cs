using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// Word counting and word tokens as IFEval gets them from nltk, without nltk.
/// </summary>
internal static partial class Words
{
    /// <summary>
    /// IFEval's <c>count_words</c>: the tokens of nltk's <c>RegexpTokenizer(r"\w+")</c>. Python's <c>\w</c> is a
    /// letter, a number or an underscore (<c>str.isalnum</c>); .NET's <c>\w</c> also takes combining marks, which
    /// would glue Devanagari words together, so the class is spelled out.
    /// </summary>
    public static int Count(string text) => WordPattern().Count(text);

    /// <summary>
    /// The tokens of nltk's <c>word_tokenize</c> as far as they matter to <c>capital_word_frequency</c>, which
    /// counts the tokens that are all capitals. Like the Treebank tokenizer this keeps hyphenated words, slashes
    /// and inner periods in one token ("WELL-KNOWN", "U.S."), and splits off brackets, quotes, most punctuation,
    /// commas and colons not followed by a digit ("1,000" stays whole), and the contractions 's 'm 'd 'll 're 've
    /// n't ("DON'T" is "DO" and "N'T", two capital tokens, as nltk has it), and Treebank's run-together words
    /// (cannot, gonna, gotta, wanna, gimme, lemme, 'tis, 'twas). Checked against nltk 3.8's tokenizer on
    /// generated text: the capital-token counts agree.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        text = SplitOffPunctuation().Replace(text, " $1 ");
        text = text.Replace("--", " -- ").Replace("...", " ... ");
        text = CommaOrColon().Replace(text, " $1 $2");
        text = Contraction().Replace(text, "$1 $2");
        text = RunTogether().Replace(text, "$1$2 ");
        return PythonText.SplitOnSpace(text);
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"([;@#$%&?!()\[\]{}<>""])")]
    private static partial Regex SplitOffPunctuation();

    [GeneratedRegex(@"([:,])(\D|$)")]
    private static partial Regex CommaOrColon();

    // Treebank wants a plain space after a contraction, so "DON'T" at a line's end stays whole, as in nltk.
    [GeneratedRegex(@"([^' ])('s|'m|'d|'ll|'re|'ve|n't)(?= |$)", RegexOptions.IgnoreCase)]
    private static partial Regex Contraction();

    [GeneratedRegex(@"\b(can(?=not\b)|gim(?=me\b)|gon(?=na\b)|got(?=ta\b)|lem(?=me\b)|wan(?=na(?:\s|$))|d(?='ye\b)|more(?='n\b))|(?<= |^)('t(?=is\b|was\b))", RegexOptions.IgnoreCase)]
    private static partial Regex RunTogether();
}
