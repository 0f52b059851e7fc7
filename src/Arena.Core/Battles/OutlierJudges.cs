using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>
/// Judges who vote against the consensus far more than chance allows (random clicking, or voting down a rival).
/// For each judge with at least <c>minVotes</c> decisive votes: the expected number of votes agreeing with the
/// rating favourite is Σp (p = the favourite's win probability), with variance Σp(1−p); a judge whose agreements fall
/// more than <c>z</c> standard deviations below is an outlier. A simplification of Chatbot Arena's anomalous-user test.
/// </summary>
public static class OutlierJudges
{
    /// <param name="ratings">By model number of <paramref name="votes"/>.</param>
    public static HashSet<string> Find(NumberedVotes votes, IReadOnlyList<double> ratings, RatingScale scale, int minVotes, double z)
    {
        var outliers = new HashSet<string>();
        var decisive = Enumerable.Range(0, votes.Votes.Count).Where(k => votes.Votes[k].Winner is Winner.ModelA or Winner.ModelB);
        foreach (var judge in decisive.GroupBy(k => votes.Votes[k].JudgeKey))
        {
            var list = judge.ToList();
            if (list.Count < Math.Max(1, minVotes)) continue;
            double expected = 0, variance = 0, agreed = 0;
            foreach (var k in list)
            {
                var (ra, rb) = (ratings[votes.A[k]], ratings[votes.B[k]]);
                var favouriteIsA = ra >= rb;
                var p = scale.Expected(Math.Max(ra, rb), Math.Min(ra, rb));
                expected += p;
                variance += p * (1 - p);
                if ((votes.Votes[k].Winner == Winner.ModelA) == favouriteIsA) agreed++;
            }
            if (variance > 0 && (agreed - expected) / Math.Sqrt(variance) < -z) outliers.Add(judge.Key);
        }
        return outliers;
    }
}
