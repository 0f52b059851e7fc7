using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Scoring;

/// <summary>
/// One reply to one item, with every check's verdict. <see cref="Passed"/> is IFEval's prompt-level strict verdict
/// (every check passed), <see cref="PassedLoose"/> its loose one. An item without checks is <see cref="Scored"/> false.
/// </summary>
public sealed record ItemScore(string Id, string? Category, string Response, IReadOnlyList<CheckResult> Checks, string? ReplyError = null)
{
    public bool Scored => Checks.Count > 0;

    public bool Passed => Scored && Checks.All(c => c.Passed);

    public bool PassedLoose => Scored && Checks.All(c => c.PassedLoose);

    /// <summary>Why no reply was written (longer than the context) or a check could not judge it (a regex that timed out), or null.</summary>
    public string? Error => ReplyError ?? Checks.Select(c => c.Error).FirstOrDefault(e => e is not null);
}
