using System.Globalization;
using System.Text.Json;
using Arena.Core.Battles;
using Arena.Core.Ratings;

namespace Arena.Cli.Commands;

/// <summary>
/// arena ratings --battles FILE: the leaderboard of a clean-battle file (JSON array or JSON lines): rank, Bradley–Terry
/// rating with its bootstrap interval, online Elo, battles and win rate per model, as a table or JSON.
/// With --bench-battles N it times the rating pipeline on synthetic battles instead (see <see cref="RatingsBenchmark"/>).
/// </summary>
public static class RatingsCommand
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static int Run(CliArgs a)
    {
        var rounds = a.Int("bootstrap", BootstrapRatings.DefaultRounds, 0, 100_000);
        var seed = a.Int("seed", 0, 0, int.MaxValue);
        if (a.Get("bench-battles") is not null)
        {
            var battles = a.Int("bench-battles", 0, 1, 100_000_000);
            var models = a.Int("bench-models", 100, 2, 2000);
            a.RejectUnknown();
            RatingsBenchmark.Run(battles, models, rounds, seed, Console.Out);
            return 0;
        }
        var path = a.Required("battles");
        var format = a.Get("format") ?? "table";
        if (format is not ("table" or "json")) throw new UsageException($"--format must be table or json, got '{format}'");
        // As FastChat rates: only blind votes, unless asked (a judge who saw the names votes for the name).
        var includeNamed = a.Flag("include-named");
        a.RejectUnknown();

        var all = CleanBattleReader.ReadFileAsync(path).GetAwaiter().GetResult();
        var list = includeNamed ? all : all.Where(b => b.Anonymous).ToList();
        if (list.Count < all.Count) Console.Error.WriteLine($"left out {all.Count - list.Count:N0} named (non-anonymous) battles; --include-named keeps them");
        if (list.Count == 0) throw new UsageException(all.Count == 0 ? $"{path}: no battles" : $"{path}: no anonymous battles (--include-named rates the named ones)");
        var table = Leaderboard.Compute(list, DateTimeOffset.UtcNow, new LeaderboardOptions { BootstrapRounds = rounds, Seed = seed });
        if (format == "json") Console.WriteLine(JsonSerializer.Serialize(table, Json));
        else PrintTable(table);
        return 0;
    }

    static void PrintTable(RatingTable t)
    {
        var ci = CultureInfo.InvariantCulture;
        var width = Math.Max(5, t.Models.Max(m => m.Model.Length));
        Console.WriteLine(string.Format(ci, "{0:N0} battles, {1} models; Bradley–Terry {2:F0}% intervals from {3} bootstrap rounds (seed {4}); win rate counts ties as half",
            t.Battles, t.Models.Count, 100 * t.ConfidenceLevel, t.BootstrapRounds, t.Seed));
        Console.WriteLine($"{"rank",4}  {"model".PadRight(width)}  {"rating",8}  {"ci low",8}  {"ci high",8}  {"elo",8}  {"battles",8}  {"win rate",8}");
        foreach (var m in t.Models)
            Console.WriteLine(string.Format(ci, "{0,4}  {1}  {2,8:F2}  {3,8:F2}  {4,8:F2}  {5,8:F2}  {6,8}  {7,7:F1}%",
                m.Rank, m.Model.PadRight(width), m.Rating, m.CiLow, m.CiHigh, m.Elo, m.Battles, 100 * m.WinRate));
    }
}
