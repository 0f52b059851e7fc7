using System.Text;

namespace Arena.Worker.Chat;

/// <summary>
/// Gathers streamed text into chunks by time: one message per token would flood the bus, one per reply would
/// lose the streaming. Numbers chunks from 0 in the order they are taken.
/// </summary>
public sealed class ReplyChunker(TimeSpan interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    readonly StringBuilder pending = new();
    TimeSpan lastTaken;

    public int NextSequence { get; private set; }

    public void Add(string text) => pending.Append(text);

    /// <summary>The pending text and its sequence number if it is due (<paramref name="now"/> is a monotonic clock).</summary>
    public (int Sequence, string Text)? TakeIfDue(TimeSpan now)
    {
        if (pending.Length == 0 || now - lastTaken < interval) return null;
        lastTaken = now;
        return Take();
    }

    /// <summary>Whatever is pending (possibly nothing) as the next chunk.</summary>
    public (int Sequence, string Text) Take()
    {
        var text = pending.ToString();
        pending.Clear();
        return (NextSequence++, text);
    }
}
