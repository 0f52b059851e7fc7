namespace Arena.Evaluation.Instructions;

/// <summary><c>detectable_format:title</c>: a non-blank title in double angular brackets, <c>&lt;&lt;like this&gt;&gt;</c>, on one line.</summary>
internal sealed class Title : IInstruction
{
    public const string Name = "detectable_format:title";

    public string Id => Name;

    /// <summary>
    /// IFEval's <c>&lt;&lt;[^\n]+&gt;&gt;</c> is greedy, so a line has at most one match: from its first "&lt;&lt;" to its
    /// last "&gt;&gt;", if at least one character lies between. Found by hand because the regex takes quadratic time
    /// on a long line of "&lt;&lt;" without a closing "&gt;&gt;".
    /// </summary>
    public bool Follows(string response) => response.Split('\n').Any(line =>
    {
        var start = line.IndexOf("<<", StringComparison.Ordinal);
        var end = line.LastIndexOf(">>", StringComparison.Ordinal);
        return start >= 0 && end >= start + 3
            && PythonText.Strip(line[start..(end + 2)].TrimStart('<').TrimEnd('>')).Length > 0;
    });
}
