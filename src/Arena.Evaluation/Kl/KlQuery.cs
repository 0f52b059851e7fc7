namespace Arena.Evaluation.Kl;

/// <summary>
/// One held-out query's per-token KL from the prompted base (the teacher) on a reply the teacher wrote:
/// <see cref="Model"/> to the model unprompted (after the bake), <see cref="Base"/> to the base unprompted (before).
/// Both lists have one value per reply token, in order.
/// </summary>
public sealed record KlQuery(string Query, string Reply, IReadOnlyList<double> Model, IReadOnlyList<double> Base)
{
    public int Tokens => Model.Count;

    public double ModelMean => Model.Count == 0 ? double.NaN : Model.Average();

    public double BaseMean => Base.Count == 0 ? double.NaN : Base.Average();
}
