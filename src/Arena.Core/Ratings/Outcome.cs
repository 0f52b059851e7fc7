namespace Arena.Core.Ratings;

/// <summary>
/// The score model A earns from a battle: a win 1, a loss 0, a tie (good or bad) 0.5. Every rating here reads
/// battles through this one function, so Elo, Bradley–Terry and the win rates agree on what a tie is worth.
/// </summary>
public static class Outcome
{
    public const double AWins = 1.0;
    public const double BWins = 0.0;
    public const double Draw = 0.5;

    public static double ScoreOfA(Winner winner) => winner switch
    {
        Winner.ModelA => AWins,
        Winner.ModelB => BWins,
        Winner.Tie or Winner.TieBothBad => Draw,
        _ => throw new ArgumentOutOfRangeException(nameof(winner), winner, "not a battle outcome"),
    };

    /// <summary>The same battle told from B's side: A's score inverted.</summary>
    public static Winner Swapped(Winner winner) => winner switch
    {
        Winner.ModelA => Winner.ModelB,
        Winner.ModelB => Winner.ModelA,
        _ => winner,
    };
}
