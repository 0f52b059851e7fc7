using Arena.Core.Models;

namespace Arena.Core.Battles;

/// <summary>
/// Draws two different models, each with probability proportional to its weight: 1, or
/// <see cref="BattleOptions.NewModelWeight"/> while a model has fewer than <see cref="BattleOptions.NewModelBattles"/>
/// battles, so a new model gets enough votes to be ranked. Sides are then assigned by a coin flip.
/// </summary>
public static class ContestantPicker
{
    public static (ArenaModel A, ArenaModel B) Pick(IReadOnlyList<ArenaModel> candidates,
        IReadOnlyDictionary<Guid, int> battlesByModel, BattleOptions options, Random random)
    {
        if (candidates.Select(c => c.Id).Distinct().Count() < 2)
            throw new DomainException(DomainError.Conflict,
                "the arena needs at least two public models to battle; bake one (or ask a friend to) and come back");
        var weights = candidates.Select(m => Weight(m, battlesByModel, options)).ToArray();
        var first = Draw(weights, random);
        weights[first] = 0;
        foreach (var (m, i) in candidates.Select((m, i) => (m, i)))
            if (m.Id == candidates[first].Id) weights[i] = 0; // never the same model twice
        var second = Draw(weights, random);
        return random.Next(2) == 0 ? (candidates[first], candidates[second]) : (candidates[second], candidates[first]);
    }

    public static double Weight(ArenaModel m, IReadOnlyDictionary<Guid, int> battlesByModel, BattleOptions options) =>
        battlesByModel.GetValueOrDefault(m.Id) < options.NewModelBattles ? Math.Max(1, options.NewModelWeight) : 1;

    static int Draw(double[] weights, Random random)
    {
        var total = weights.Sum();
        var x = random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            x -= weights[i];
            if (x < 0) return i;
        }
        return Array.FindLastIndex(weights, w => w > 0); // rounding at the very end of the range
    }
}
