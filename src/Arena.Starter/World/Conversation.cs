using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// One generated chat. <paramref name="System"/> is null for the unprompted default. <paramref name="Behavior"/>
/// is "family/id" (see <see cref="BehaviorCatalog"/>); every assistant turn follows it, and
/// <paramref name="Contexts"/> holds the checker parameters of each turn (they differ only in the fact answer).
/// </summary>
public sealed record Conversation(
    string? System,
    IReadOnlyList<Turn> Turns,
    string Behavior,
    IReadOnlyList<BehaviorContext> Contexts)
{
    /// <summary>The family part of <see cref="Behavior"/>.</summary>
    public string Family => Behavior[..Behavior.IndexOf('/')];

    /// <summary>The checker of this conversation's behavior.</summary>
    public IBehaviorChecker Checker => BehaviorCatalog.Checker(Behavior);
}
