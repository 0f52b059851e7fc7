namespace Arena.Evaluation.Suites;

/// <summary>
/// A named set of items. <see cref="Hash"/> is the SHA-256 of the file's bytes: stored with every score, so a score
/// is only ever compared with scores of the same items and checks.
/// </summary>
public sealed record Suite(string Name, IReadOnlyList<SuiteItem> Items, string Hash)
{
    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public SuiteItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>The first <paramref name="count"/> items (all of them for null), keeping name and hash.</summary>
    public Suite Take(int? count) => count is { } n && n < Items.Count ? this with { Items = Items.Take(n).ToList() } : this;
}
