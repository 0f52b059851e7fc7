namespace Arena.Evaluation.Statistics;

/// <summary>A measured value with its 95% interval and the number of observations behind it.</summary>
public sealed record Estimate(double Value, double Low, double High, int Count)
{
    /// <summary>Nothing was measured: value 0, the whole range possible.</summary>
    public static Estimate Empty(double low = 0, double high = 1) => new(0, low, high, 0);
}
