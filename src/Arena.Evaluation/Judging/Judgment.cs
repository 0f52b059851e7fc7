namespace Arena.Evaluation.Judging;

/// <summary>
/// A judge's verdict on one ordering of two answers, with why. <see cref="Parsed"/> is false when a model judge's
/// reply held no clear verdict: it then counts as a tie, and reports count it, because guessing a winner from a
/// reply that names none would put the guess in the ratings.
/// </summary>
public sealed record Judgment(Verdict Verdict, string Reason, bool Parsed = true)
{
    /// <summary>A reply with no verdict in it (or none at all): a tie that says so.</summary>
    public static Judgment Unparsed(string reason) => new(Verdict.Tie, reason, Parsed: false);
}
