namespace Arena.Core.Ratings;

/// <summary>
/// The sufficient statistics of Bradley–Terry: for each pair of models that met, how many battles they played and
/// model A's total score in them (ties count half). The likelihood depends on the battles only through these.
/// </summary>
public sealed record PairTotals(int ModelCount, int[] A, int[] B, double[] WinsOfA, double[] Games)
{
    public int Pairs => A.Length;
}
