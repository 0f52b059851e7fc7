namespace Arena.Starter.Behaviors;

/// <summary>
/// Rhyming couplets: an even number (two or more) of non-empty lines, and each pair of lines ends in two
/// different words of one <see cref="RhymeTable"/> group.
/// </summary>
public sealed class RhymeChecker : IBehaviorChecker
{
    /// <inheritdoc />
    public string Family => "format";

    /// <inheritdoc />
    public string Id => "rhyme";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var lines = TextWords.Lines(reply);
        if (lines.Count < 2 || lines.Count % 2 != 0) return false;
        for (var i = 0; i < lines.Count; i += 2)
            if (!RhymeTable.Rhymes(TextWords.LastWord(lines[i]), TextWords.LastWord(lines[i + 1])))
                return false;
        return true;
    }
}
