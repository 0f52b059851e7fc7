namespace Arena.Engine.Generation;

/// <summary>
/// One decoding step: the token chosen for each still-running row (indexed by the caller's prompt order).
/// Rows that finished earlier are absent. A row ends when it emits a stop token or reaches the token limit;
/// the caller may also end a row (e.g. a stop string in its text) through <see cref="Stop"/>.
/// </summary>
public sealed class TokenStep(int index, IReadOnlyList<int> rows, IReadOnlyList<int> tokens, IReadOnlyList<bool> finished, HashSet<int> stopRequests)
{
    public int Index { get; } = index;
    public IReadOnlyList<int> Rows { get; } = rows;
    public IReadOnlyList<int> Tokens { get; } = tokens;
    /// <summary>True where this step's token ended the row (stop token or length).</summary>
    public IReadOnlyList<bool> Finished { get; } = finished;

    public void Stop(int row) => stopRequests.Add(row);
}
