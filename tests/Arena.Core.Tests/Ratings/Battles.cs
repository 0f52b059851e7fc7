using Arena.Core.Ratings;

namespace Arena.Core.Tests.Ratings;

/// <summary>Short-hand for writing battles in tests.</summary>
static class B
{
    public static Battle Win(string winner, string loser, double t = 0) => new(winner, loser, Winner.ModelA, t);
    public static Battle Tie(string a, string b, double t = 0) => new(a, b, Winner.Tie, t);

    /// <summary>The golden sequence: A beats B, A beats B, B beats A, tie.</summary>
    public static List<Battle> Golden() =>
    [
        new("A", "B", Winner.ModelA, 1),
        new("A", "B", Winner.ModelA, 2),
        new("A", "B", Winner.ModelB, 3),
        new("A", "B", Winner.Tie, 4),
    ];

    public static Dictionary<string, double> ByModel(IndexedBattles battles, double[] values) =>
        battles.Models.Select((m, i) => (m, values[i])).ToDictionary(x => x.m, x => x.Item2);

    public static Dictionary<string, double> BradleyTerry(IReadOnlyCollection<Battle> battles)
    {
        var indexed = IndexedBattles.From(battles);
        return ByModel(indexed, Core.Ratings.BradleyTerry.Ratings(AggregatedBattles.From(indexed).Totals()));
    }

    public static Dictionary<string, double> Elo(IReadOnlyCollection<Battle> battles)
    {
        var indexed = IndexedBattles.From(battles);
        return ByModel(indexed, OnlineElo.Ratings(indexed));
    }

    public static List<Battle> Shuffled(IEnumerable<Battle> battles, int seed)
    {
        var list = battles.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}
