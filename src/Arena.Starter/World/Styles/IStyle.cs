using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>A style behavior: picks its parameters once per conversation, then rewrites each neutral answer.</summary>
internal interface IStyle
{
    /// <summary>"family/id" of the behavior.</summary>
    string Behavior { get; }

    /// <summary>The conversation's parameters (sign-off name, forbidden letter, ...); most styles have none.</summary>
    BehaviorContext Configure(Random rng, Split split);

    /// <summary>The styled reply to <paramref name="qa"/>.</summary>
    string Reply(QaItem qa, BehaviorContext context, Random rng);
}
