namespace Arena.Core.Ratings;

/// <summary>
/// The Elo-style rating scale: a gap of <see cref="Scale"/> points means <see cref="Base"/>-to-1 odds of winning.
/// Defaults are Chatbot Arena's (base 10, scale 400, ratings centred on 1000).
/// </summary>
public sealed record RatingScale(double Base = 10, double Scale = 400, double Initial = 1000)
{
    public static RatingScale Default { get; } = new();

    /// <summary>Points per natural-log unit of strength: BT strengths θ are fitted in nats, ratings are shown in points.</summary>
    public double PointsPerNat => Scale / Math.Log(Base);

    /// <summary>Expected score of a player rated <paramref name="a"/> against one rated <paramref name="b"/>.</summary>
    public double Expected(double a, double b) => 1.0 / (1.0 + Math.Pow(Base, (b - a) / Scale));

    /// <summary>Log-strengths to ratings whose mean is <see cref="Initial"/> (BT only pins down differences).</summary>
    public double[] Centred(ReadOnlySpan<double> theta)
    {
        var mean = 0.0;
        foreach (var t in theta) mean += t;
        mean /= Math.Max(1, theta.Length);
        var ratings = new double[theta.Length];
        for (int i = 0; i < theta.Length; i++) ratings[i] = Initial + PointsPerNat * (theta[i] - mean);
        return ratings;
    }
}
