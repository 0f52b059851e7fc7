namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>detectable_format:number_bullet_lists</c>: exactly <c>num_bullets</c> markdown bullets, counted as IFEval's
/// <c>^\s*\*[^\*].*$</c> and <c>^\s*-.*$</c> (multiline) count them: a line starting, after white space, with "*" and
/// then anything but "*", or with "-". As in IFEval a "---" rule counts as a bullet, a "**bold**" line does not, and
/// the white space may run across blank lines.
/// </summary>
internal sealed class NumberOfBulletLists(int bullets) : IInstruction
{
    public const string Name = "detectable_format:number_bullet_lists";

    public string Id => Name;

    public bool Follows(string response) =>
        CountMatches(response, StarBullet) + CountMatches(response, DashBullet) == bullets;

    // Where the rest of the line starts after a bullet marker at q, or -1 when q holds none.
    private static int StarBullet(string text, int q) => text[q] == '*' && q + 1 < text.Length && text[q + 1] != '*' ? q + 2 : -1;

    private static int DashBullet(string text, int q) => text[q] == '-' ? q + 1 : -1;

    /// <summary>
    /// The matches a regex engine finds for ^\s*MARKER.*$, found by hand because the regex is quadratic on a reply of
    /// many blank lines (20,000 took over a second): a search from each of those line starts scans the same white
    /// space to the same character. Here a failed search skips every line start it scanned over, for the same answer.
    /// </summary>
    private static int CountMatches(string text, Func<string, int, int> marker)
    {
        var count = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var q = lineStart;
            while (q < text.Length && PythonText.IsSpace(text[q])) q++;
            if (q == text.Length) break;
            var rest = marker(text, q);
            // A match runs to the end of its line (.*$); a failed search resumes at the first line start past q.
            var lineEnd = text.IndexOf('\n', rest < 0 ? q : Math.Min(rest, text.Length));
            if (rest >= 0) count++;
            if (lineEnd < 0) break;
            lineStart = rest >= 0 && lineEnd > 0 && text[lineEnd - 1] == '\n' && lineEnd == rest ? lineEnd : lineEnd + 1;
        }
        return count;
    }
}
