using System.Diagnostics;
using Arena.Core.Ratings;

namespace Arena.Cli.Commands;

/// <summary>
/// Times each step of the rating pipeline on synthetic battles among models of known strength (10% ties), and checks
/// the fit against the truth so a fast-but-wrong change shows. Prints a markdown table for docs/benchmarks.md.
/// </summary>
public static class RatingsBenchmark
{
    public static void Run(int battles, int models, int rounds, int seed, TextWriter output)
    {
        var sw = Stopwatch.StartNew();
        var (list, truth) = SyntheticBattles.Generate(models, battles, seed);
        var generate = sw.Elapsed.TotalSeconds;

        var steps = new List<(string Step, double Seconds)>();
        T Time<T>(string step, Func<T> f)
        {
            var start = Stopwatch.GetTimestamp();
            var result = f();
            steps.Add((step, Stopwatch.GetElapsedTime(start).TotalSeconds));
            return result;
        }
        var indexed = Time("index battles", () => IndexedBattles.From(list));
        var aggregated = Time("aggregate into counts", () => AggregatedBattles.From(indexed));
        var strengths = Time("Bradley–Terry fit", () => BradleyTerry.Strengths(aggregated.Totals()));
        var boot = Time($"bootstrap, {rounds} rounds", () => BootstrapRatings.Rounds(aggregated, rounds, seed, start: strengths));
        var (low, high) = Time("intervals and ranks", () =>
        {
            var i = BootstrapRatings.Intervals(boot, RatingScale.Default.Centred(strengths));
            Ranking.FromIntervals(i.Low, i.High);
            return i;
        });
        Time("online Elo", () => OnlineElo.Ratings(indexed));
        var total = steps.Sum(s => s.Seconds);
        var start = Stopwatch.GetTimestamp();
        var table = Leaderboard.Compute(list, DateTimeOffset.UtcNow, new LeaderboardOptions { BootstrapRounds = rounds, Seed = seed });
        var whole = Stopwatch.GetElapsedTime(start).TotalSeconds;

        output.WriteLine($"{battles:N0} synthetic battles among {models} models (10% ties), generated in {generate:F2} s; " +
                         $"{aggregated.Rows:N0} aggregated rows over {aggregated.PairA.Length:N0} pairs; {Environment.ProcessorCount} cores");
        output.WriteLine("| step | seconds |");
        output.WriteLine("|---|---:|");
        foreach (var (step, seconds) in steps) output.WriteLine($"| {step} | {seconds:F3} |");
        output.WriteLine($"| **total of the steps** | **{total:F3}** |");
        output.WriteLine($"| Leaderboard.Compute end to end (adds head-to-head tables) | {whole:F3} |");
        // Independent ties pull expected scores towards ½, so fitted gaps come out smaller than the true ones; rank
        // agreement with the truth is the check that does not depend on that.
        var rating = RatingScale.Default.Centred(strengths);
        output.WriteLine($"fit vs truth: Spearman {Spearman(truth, rating):F4}; mean 95% interval width {Enumerable.Range(0, models).Average(i => high[i] - low[i]):F1} points; " +
                         $"true spread (sd) {RatingScale.Default.PointsPerNat * StdDev(truth):F0} points; top model {table.Models[0].Model} (truth: model-{Array.IndexOf(truth, truth.Max()):D3})");
    }

    static double Spearman(double[] x, double[] y)
    {
        var (rx, ry) = (Ranks(x), Ranks(y));
        var n = x.Length;
        var d2 = Enumerable.Range(0, n).Sum(i => (rx[i] - ry[i]) * (rx[i] - ry[i]));
        return 1 - 6 * d2 / (n * ((double)n * n - 1));
    }

    static double[] Ranks(double[] v)
    {
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        var rank = new double[v.Length];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r;
        return rank;
    }

    static double StdDev(double[] v)
    {
        var mean = v.Average();
        return Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
    }
}
