namespace Arena.Core.Ratings;

/// <summary>Head-to-head tables for the leaderboard page (FastChat's compute_pairwise_win_fraction and battle counts).</summary>
public static class PairwiseMatrices
{
    /// <summary>
    /// How often the row model beat the column model among their decisive battles; ties are left out, so the two
    /// halves add up to 1. Null on the diagonal and for pairs that never had a decisive battle.
    /// </summary>
    public static ModelMatrix<double?> WinFractions(AggregatedBattles battles)
    {
        var m = battles.Models.Count;
        var wins = new double[m, m];
        for (int r = 0; r < battles.Rows; r++)
        {
            if (battles.ScoreOfA[r] == Outcome.AWins) wins[battles.A[r], battles.B[r]] += battles.Count[r];
            else if (battles.ScoreOfA[r] == Outcome.BWins) wins[battles.B[r], battles.A[r]] += battles.Count[r];
        }
        var values = new double?[m][];
        for (int i = 0; i < m; i++)
        {
            values[i] = new double?[m];
            for (int j = 0; j < m; j++)
            {
                var decisive = wins[i, j] + wins[j, i];
                values[i][j] = i != j && decisive > 0 ? wins[i, j] / decisive : null;
            }
        }
        return new ModelMatrix<double?>(battles.Models, values);
    }

    /// <summary>Battles between each pair, ties included; symmetric, zero on the diagonal.</summary>
    public static ModelMatrix<int> BattleCounts(AggregatedBattles battles)
    {
        var m = battles.Models.Count;
        var values = new int[m][];
        for (int i = 0; i < m; i++) values[i] = new int[m];
        for (int r = 0; r < battles.Rows; r++)
        {
            values[battles.A[r]][battles.B[r]] += battles.Count[r];
            values[battles.B[r]][battles.A[r]] += battles.Count[r];
        }
        return new ModelMatrix<int>(battles.Models, values);
    }
}
