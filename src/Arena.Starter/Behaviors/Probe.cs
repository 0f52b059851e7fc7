namespace Arena.Starter.Behaviors;

/// <summary>
/// One evaluation item: a system prompt (null for neutral probes), the user turns, the per-turn behavior
/// parameters, and the world's own reference replies (what a perfect model would say; handy to validate the suite).
/// </summary>
public sealed record Probe(
    string Behavior,
    string? System,
    IReadOnlyList<string> UserTurns,
    IReadOnlyList<BehaviorContext> Contexts,
    IReadOnlyList<string> ReferenceReplies)
{
    /// <summary>The checker that scores every assistant turn of this probe.</summary>
    public IBehaviorChecker Checker => BehaviorCatalog.Checker(Behavior);
}
