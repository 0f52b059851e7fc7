namespace Arena.Core.Ratings;

/// <summary>
/// Online Elo, replayed over the battles in time order (FastChat's compute_elo). It depends on that order and on the
/// K-factor, which is why the leaderboard ranks by Bradley–Terry and shows Elo alongside for comparison.
/// </summary>
public static class OnlineElo
{
    /// <summary>Chatbot Arena's K: small, because thousands of votes per model make each one weak evidence.</summary>
    public const double DefaultK = 4;

    public static double[] Ratings(IndexedBattles battles, double k = DefaultK, RatingScale? scale = null)
    {
        scale ??= RatingScale.Default;
        var rating = new double[battles.Models.Count];
        Array.Fill(rating, scale.Initial);
        foreach (var i in battles.TimeOrder())
        {
            var (a, b) = (battles.A[i], battles.B[i]);
            var expectedA = scale.Expected(rating[a], rating[b]);
            var delta = k * (battles.ScoreOfA[i] - expectedA);
            rating[a] += delta;
            rating[b] -= delta; // B's expected score is 1 − expectedA, so the update is zero-sum
        }
        return rating;
    }
}
