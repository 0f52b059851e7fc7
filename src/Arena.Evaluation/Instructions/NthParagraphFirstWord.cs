namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>length_constraints:nth_paragraph_first_word</c>: exactly <c>num_paragraphs</c> paragraphs separated by blank
/// lines ("\n\n", not <c>***</c>), and paragraph <c>nth_paragraph</c> (from 1) starts with <c>first_word</c>, any
/// case, leading quotes and trailing punctuation ignored. As in IFEval the count skips empty pieces but the nth is
/// taken from all pieces, so "a\n\n\n\nb" has two paragraphs and an empty second one.
/// </summary>
internal sealed class NthParagraphFirstWord(int paragraphs, int nth, string firstWord) : IInstruction
{
    public const string Name = "length_constraints:nth_paragraph_first_word";

    private static readonly char[] Punctuation = ['.', ',', '?', '!', '\'', '"'];

    private readonly string expected = PythonText.Lower(firstWord);

    public string Id => Name;

    public bool Follows(string response)
    {
        var pieces = response.Split("\n\n");
        var count = pieces.Count(p => PythonText.Strip(p).Length > 0);
        if (nth > count) return false;
        var paragraph = PythonText.Strip(pieces[nth - 1]);
        if (paragraph.Length == 0) return false;

        var word = PythonText.Strip(PythonText.SplitOnSpace(paragraph)[0]).TrimStart('\'').TrimStart('"');
        var end = word.IndexOfAny(Punctuation);
        var first = PythonText.Lower(end < 0 ? word : word[..end]);
        return count == paragraphs && first == expected;
    }
}
