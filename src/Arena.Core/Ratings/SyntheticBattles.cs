namespace Arena.Core.Ratings;

/// <summary>
/// Battles among models of known strength, for benchmarks and tests: each battle picks two distinct models at random,
/// is a tie with probability <c>tieRate</c>, and otherwise is won by A with the Bradley–Terry probability σ(θA − θB).
/// </summary>
public static class SyntheticBattles
{
    /// <returns>The battles in time order (one a second) and each model's true strength θ in nats, indexed like
    /// the names "model-000", "model-001", … (which sort in that same order).</returns>
    public static (List<Battle> Battles, double[] Strengths) Generate(int models, int battles, int seed, double tieRate = 0.1, double spread = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(battles);
        var rng = new Random(seed);
        var names = Enumerable.Range(0, models).Select(i => $"model-{i:D3}").ToArray();
        var strengths = new double[models];
        for (int i = 0; i < models; i++) // Box–Muller: normally distributed strengths
            strengths[i] = spread * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        var list = new List<Battle>(battles);
        for (int k = 0; k < battles; k++)
        {
            var a = rng.Next(models);
            var b = rng.Next(models - 1);
            if (b >= a) b++; // uniform over the other models
            var winner = rng.NextDouble() < tieRate ? Winner.Tie
                : rng.NextDouble() < 1 / (1 + Math.Exp(strengths[b] - strengths[a])) ? Winner.ModelA : Winner.ModelB;
            list.Add(new Battle(names[a], names[b], winner, 1_700_000_000 + k));
        }
        return (list, strengths);
    }
}
