namespace Arena.Evaluation.Instructions;

/// <summary>IFEval's two comparisons of a count with a threshold (its <c>_COMPARISON_RELATION</c>).</summary>
internal enum Relation
{
    LessThan,
    AtLeast,
}

internal static class RelationExtensions
{
    public static bool Holds(this Relation relation, int actual, int threshold) =>
        relation == Relation.LessThan ? actual < threshold : actual >= threshold;
}
