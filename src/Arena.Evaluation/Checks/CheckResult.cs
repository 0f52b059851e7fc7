namespace Arena.Evaluation.Checks;

/// <summary>
/// How one reply fared on one check. <see cref="PassedLoose"/> is IFEval's loose verdict for instructions (the
/// reply with its first or last line or its asterisks taken away may pass) and equals <see cref="Passed"/> for
/// every other kind. A check that could not run (a regex that timed out) fails with <see cref="Error"/> set.
/// </summary>
public sealed record CheckResult(string Kind, string Name, bool Passed, bool PassedLoose, string? Error = null)
{
    /// <summary>A verdict that is the same in strict and loose scoring.</summary>
    public static CheckResult Of(string kind, string name, bool passed) => new(kind, name, passed, passed);

    /// <summary>A check that could not be run on this reply: it fails and says why.</summary>
    public static CheckResult Failed(string kind, string name, string error) => new(kind, name, false, false, error);
}
