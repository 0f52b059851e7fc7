namespace Arena.Starter.Behaviors;

/// <summary>
/// A rule that decides whether one assistant reply follows one behavior of the instruction world.
/// Checkers are deliberately strict: a plain, unstyled reply must fail every style checker, so that
/// "unprompted adherence" measures what the weights do on their own and stays near zero for a base model.
/// </summary>
public interface IBehaviorChecker
{
    /// <summary>The behavior family, e.g. <c>tone</c> or <c>fact</c>.</summary>
    string Family { get; }

    /// <summary>The concrete variant within the family, e.g. <c>cheerful</c>.</summary>
    string Id { get; }

    /// <summary>
    /// True when <paramref name="reply"/> follows the behavior with the parameters in <paramref name="context"/>.
    /// Throws <see cref="ArgumentException"/> when the context lacks a parameter this behavior needs.
    /// </summary>
    bool Follows(string reply, BehaviorContext context);
}
