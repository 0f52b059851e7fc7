namespace Arena.Engine.Generation;

/// <summary>
/// Streams text while watching for stop strings: text that could be the start of a stop string is held back
/// until it is known not to be, and generation ends before the first stop string (which is never shown).
/// </summary>
public sealed class StopStringFilter(IReadOnlyList<string> stops)
{
    string pending = "";

    /// <summary>Adds text; returns what is safe to show and whether a stop string was found.</summary>
    public (string Text, bool Stopped) Push(string text)
    {
        pending += text;
        var cut = -1;
        foreach (var s in stops)
        {
            var i = pending.IndexOf(s, StringComparison.Ordinal);
            if (i >= 0 && (cut < 0 || i < cut)) cut = i;
        }
        if (cut >= 0)
        {
            var shown = pending[..cut];
            pending = "";
            return (shown, true);
        }
        var hold = stops.Count == 0 ? 0 : stops.Max(s => LongestSuffixPrefix(pending, s));
        var safe = pending[..^hold];
        pending = pending[^hold..];
        return (safe, false);
    }

    /// <summary>The rest of the text once generation has ended.</summary>
    public string Flush()
    {
        var rest = pending;
        pending = "";
        return rest;
    }

    static int LongestSuffixPrefix(string text, string stop)
    {
        for (int n = Math.Min(text.Length, stop.Length - 1); n > 0; n--)
            if (text.AsSpan(text.Length - n).SequenceEqual(stop.AsSpan(0, n))) return n;
        return 0;
    }
}
