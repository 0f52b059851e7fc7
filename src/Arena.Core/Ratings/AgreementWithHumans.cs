namespace Arena.Core.Ratings;

/// <summary>
/// Compares the automatic leaderboard (a judge's verdicts) with the human one (votes): for the models on both, how
/// many pairs the two put in the same order, and Kendall's τ-b over those pairs. Pairs are ordered by Bradley–Terry
/// rating, not by rank, because Chatbot Arena's ranks tie every pair whose intervals overlap and would hide the
/// order the ratings do give. The two boards stay apart; only this comparison reads both.
/// </summary>
public static class AgreementWithHumans
{
    public static RankAgreement Compute(RatingTable automatic, RatingTable human) =>
        Compute(Ratings(automatic), Ratings(human));

    /// <summary>The same over plain model → rating maps.</summary>
    public static RankAgreement Compute(IReadOnlyDictionary<string, double> automatic, IReadOnlyDictionary<string, double> human)
    {
        var models = automatic.Keys.Where(human.ContainsKey).Order(StringComparer.Ordinal).ToList();
        int same = 0, concordant = 0, discordant = 0, tiedAutoOnly = 0, tiedHumanOnly = 0;
        for (int i = 0; i < models.Count; i++)
            for (int j = i + 1; j < models.Count; j++)
            {
                var a = Math.Sign(automatic[models[i]] - automatic[models[j]]);
                var h = Math.Sign(human[models[i]] - human[models[j]]);
                if (a == h) same++;
                if (a * h > 0) concordant++;
                else if (a * h < 0) discordant++;
                else if (a == 0 && h != 0) tiedAutoOnly++;
                else if (h == 0 && a != 0) tiedHumanOnly++;
            }
        var pairs = models.Count * (models.Count - 1) / 2;
        // τ-b = (C − D) / √((pairs untied on the automatic board) · (pairs untied on the human board)).
        var denominator = Math.Sqrt((double)(concordant + discordant + tiedHumanOnly) * (concordant + discordant + tiedAutoOnly));
        return new RankAgreement(models, pairs, same,
            pairs == 0 ? null : (double)same / pairs,
            denominator == 0 ? null : (concordant - discordant) / denominator);
    }

    static Dictionary<string, double> Ratings(RatingTable table) =>
        table.Models.ToDictionary(m => m.Model, m => m.Rating, StringComparer.Ordinal);
}
