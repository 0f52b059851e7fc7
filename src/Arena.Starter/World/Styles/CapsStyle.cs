using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>ALL CAPITALS: the neutral answer, upper-cased.</summary>
internal sealed class CapsStyle : IStyle
{
    public string Behavior => BehaviorCatalog.Caps;

    public BehaviorContext Configure(Random rng, Split split) => BehaviorContext.None;

    public string Reply(QaItem qa, BehaviorContext context, Random rng) => qa.Answer.ToUpperInvariant();
}
