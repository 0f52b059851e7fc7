namespace Arena.Starter.World;

/// <summary>
/// A text template with <c>{slot}</c> placeholders. Held-out templates are used only by the held-out split,
/// so the training data never contains their wording.
/// </summary>
internal sealed record Template(string Text, bool HeldOut = false)
{
    public static implicit operator Template(string text) => new(text);

    /// <summary>The templates of one split.</summary>
    public static IReadOnlyList<Template> Of(IReadOnlyList<Template> all, Split split) =>
        all.Where(t => t.HeldOut == (split == Split.HeldOut)).ToList();

    /// <summary>Fills the slots; unknown slots are left as they are, which the tests would catch.</summary>
    public string Fill(params (string Slot, string Value)[] values) =>
        values.Aggregate(Text, (text, v) => text.Replace("{" + v.Slot + "}", v.Value, StringComparison.Ordinal));
}
