using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>
/// A prompt to bake and how to judge the result: a held-out system prompt of one behavior, the context its checker
/// needs, queries to bake on, and different (held-out) queries to evaluate the baked model on.
/// </summary>
public sealed record BakeScenario(string Behavior, string Prompt, BehaviorContext Context, IReadOnlyList<string> TrainQueries, IReadOnlyList<string> EvalQueries)
{
    public IBehaviorChecker Checker => BehaviorCatalog.Checker(Behavior);
}
