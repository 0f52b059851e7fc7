namespace Arena.Core.Ratings;

/// <summary>
/// One leaderboard row. <see cref="Rating"/> is the Bradley–Terry rating (what the rank is based on) with its bootstrap
/// interval; <see cref="Elo"/> is online Elo for comparison. <see cref="WinRate"/> is the mean score, (wins + ties / 2)
/// / battles: ties count half, the same score the ratings are fitted to (the head-to-head matrix leaves ties out).
/// <see cref="Index"/> is the model's number in the battles, and its row and column in the table's matrices.
/// </summary>
public sealed record ModelRating(
    string Model,
    int Index,
    int Rank,
    double Rating,
    double CiLow,
    double CiHigh,
    double Elo,
    int Battles,
    int Wins,
    int Ties,
    int Losses,
    double WinRate);
