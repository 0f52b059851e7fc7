namespace Arena.Web.Chat;

/// <summary>How a component shows a reply while it streams: every piece is appended at once, but the component is
/// rendered at most every 50 ms. A render per token would send a diff per token over the circuit; twenty a second
/// still reads as live typing.</summary>
public static class ReplyRendering
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads <paramref name="pieces"/> to the end. Pieces that came within 50 ms of the last render show at
    /// the caller's next one (a component renders after its event handler anyway).</summary>
    public static async Task AppendAll(this IAsyncEnumerable<string> pieces, Action<string> append, Action render)
    {
        var lastRender = DateTime.UtcNow;
        await foreach (var piece in pieces)
        {
            append(piece);
            if (DateTime.UtcNow - lastRender > Interval)
            {
                lastRender = DateTime.UtcNow;
                render();
            }
        }
    }
}
