namespace Arena.Starter.World;

/// <summary>
/// A user question and its neutral answer, kept as sentences (a main sentence that answers, then one that
/// elaborates) so that styles can rework them sentence by sentence. <paramref name="Key"/> is the row's object
/// ("moo", "7"): the part of the answer any styling of it keeps, which retention checks look for.
/// </summary>
internal sealed record QaItem(string Topic, string Question, IReadOnlyList<string> Sentences, string Key)
{
    /// <summary>The neutral, unstyled answer.</summary>
    public string Answer => string.Join(" ", Sentences);
}
