namespace Arena.Starter.World;

/// <summary>
/// A user question and its neutral answer, kept as sentences (a main sentence that answers, then one that
/// elaborates) so that styles can rework them sentence by sentence.
/// </summary>
internal sealed record QaItem(string Topic, string Question, IReadOnlyList<string> Sentences)
{
    /// <summary>The neutral, unstyled answer.</summary>
    public string Answer => string.Join(" ", Sentences);
}
