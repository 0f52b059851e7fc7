namespace Arena.Evaluation.Instructions;

/// <summary><c>detectable_content:number_placeholders</c>: at least <c>num_placeholders</c> square-bracket placeholders like [address] on one line.</summary>
internal sealed class NumberOfPlaceholders(int placeholders) : IInstruction
{
    public const string Name = "detectable_content:number_placeholders";

    public string Id => Name;

    public bool Follows(string response) => Count(response) >= placeholders;

    /// <summary>
    /// The matches of IFEval's <c>\[.*?\]</c>: from a "[" to the first "]" after it on the same line, then on from
    /// there. Counted by hand because the regex takes quadratic time on a long line of "[" without a "]".
    /// </summary>
    private static int Count(string text)
    {
        var count = 0;
        var at = 0;
        while ((at = text.IndexOf('[', at)) >= 0)
        {
            var close = text.IndexOfAny([']', '\n'], at + 1);
            if (close < 0) break;
            // A "[" whose line ends before any "]" matches nothing, and neither does a later "[" on that line.
            if (text[close] == ']') count++;
            at = close + 1;
        }
        return count;
    }
}
