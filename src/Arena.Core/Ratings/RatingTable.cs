namespace Arena.Core.Ratings;

/// <summary>
/// A computed leaderboard: rows best first (by rank, then rating), the head-to-head matrices, and what it was
/// computed from, so a stored table can say how fresh and how certain it is.
/// </summary>
public sealed record RatingTable(
    IReadOnlyList<ModelRating> Models,
    int Battles,
    int BootstrapRounds,
    int Seed,
    double ConfidenceLevel,
    DateTimeOffset ComputedAt,
    ModelMatrix<double?> WinFractions,
    ModelMatrix<int> BattleCounts);
