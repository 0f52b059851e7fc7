namespace Arena.Core.Ratings;

/// <summary>
/// Battles to a leaderboard, as a chain of the small steps in this folder: index → aggregate → Bradley–Terry →
/// bootstrap → intervals → ranks, with online Elo and the head-to-head tables alongside. Pure: the caller supplies
/// the clock reading to stamp the table with.
/// </summary>
public static class Leaderboard
{
    public static RatingTable Compute(IReadOnlyCollection<Battle> battles, DateTimeOffset computedAt, LeaderboardOptions? options = null) =>
        Compute(IndexedBattles.From(battles), computedAt, options);

    public static RatingTable Compute(IndexedBattles indexed, DateTimeOffset computedAt, LeaderboardOptions? options = null)
    {
        options ??= LeaderboardOptions.Default;
        var aggregated = AggregatedBattles.From(indexed);

        var strengths = BradleyTerry.Strengths(aggregated.Totals(), options.L2);
        var rating = options.Scale.Centred(strengths);
        var rounds = BootstrapRatings.Rounds(aggregated, options.BootstrapRounds, options.Seed, options.Scale, options.L2, strengths, options.Parallel);
        var (low, high) = BootstrapRatings.Intervals(rounds, rating, options.ConfidenceLevel);
        var rank = Ranking.FromIntervals(low, high);
        var elo = OnlineElo.Ratings(indexed, options.EloK, options.Scale);
        var (wins, ties, losses) = Record(aggregated);

        var rows = new List<ModelRating>(aggregated.Models.Count);
        for (int i = 0; i < aggregated.Models.Count; i++)
        {
            var played = wins[i] + ties[i] + losses[i];
            rows.Add(new ModelRating(aggregated.Models[i], i, rank[i], rating[i], low[i], high[i], elo[i],
                played, wins[i], ties[i], losses[i], played == 0 ? 0 : (wins[i] + 0.5 * ties[i]) / played));
        }
        // Last by number: for named battles that is the ordinal order of the names.
        rows.Sort((x, y) => x.Rank != y.Rank ? x.Rank.CompareTo(y.Rank)
            : x.Rating != y.Rating ? y.Rating.CompareTo(x.Rating)
            : x.Index.CompareTo(y.Index));

        return new RatingTable(rows, aggregated.Battles, options.BootstrapRounds, options.Seed, options.ConfidenceLevel, computedAt,
            PairwiseMatrices.WinFractions(aggregated), PairwiseMatrices.BattleCounts(aggregated));
    }

    /// <summary>The Bradley–Terry ratings alone, by model number: what <see cref="Compute(IndexedBattles, DateTimeOffset, LeaderboardOptions?)"/>
    /// ranks by, to the bit, without the bootstrap, Elo or tables (the arena screens its judges with them first).</summary>
    public static double[] Ratings(IndexedBattles battles, LeaderboardOptions? options = null)
    {
        options ??= LeaderboardOptions.Default;
        return BradleyTerry.Ratings(AggregatedBattles.From(battles).Totals(), options.Scale, options.L2);
    }

    /// <summary>Each model's wins, ties and losses, from either side of the battle.</summary>
    static (int[] Wins, int[] Ties, int[] Losses) Record(AggregatedBattles battles)
    {
        var m = battles.Models.Count;
        var (wins, ties, losses) = (new int[m], new int[m], new int[m]);
        for (int r = 0; r < battles.Rows; r++)
        {
            int a = battles.A[r], b = battles.B[r], c = battles.Count[r];
            switch (battles.ScoreOfA[r])
            {
                case Outcome.AWins: wins[a] += c; losses[b] += c; break;
                case Outcome.BWins: wins[b] += c; losses[a] += c; break;
                default: ties[a] += c; ties[b] += c; break;
            }
        }
        return (wins, ties, losses);
    }
}
