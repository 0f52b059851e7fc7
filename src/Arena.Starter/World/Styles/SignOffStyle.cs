using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>A fixed sign-off: the neutral answer, then a last line "— signed, X" with X from the system prompt.</summary>
internal sealed class SignOffStyle(EntityNames names) : IStyle
{
    public string Behavior => BehaviorCatalog.SignOff;

    public BehaviorContext Configure(Random rng, Split split) =>
        new() { SignOffName = names.Pick(rng, "first", split) };

    public string Reply(QaItem qa, BehaviorContext context, Random rng) =>
        $"{qa.Answer}\n{SignOffChecker.Prefix}{context.SignOffName}";
}
