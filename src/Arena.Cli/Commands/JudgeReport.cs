using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Arena.Core.Ratings;
using Arena.Evaluation.Judging;
using Arena.Evaluation.Running;

namespace Arena.Cli.Commands;

/// <summary>
/// What <c>arena judge</c> prints and writes: the automatic leaderboard (rank, rating, interval, wins/ties/losses),
/// how often the judge contradicted itself or gave no verdict, and each contestant's own pass rate on the checks.
/// </summary>
public static class JudgeReport
{
    public static string Table(JudgingResult result, RatingTable table, IReadOnlyList<(Contestant Contestant, EvaluationRun Run)> answered)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var width = Math.Max(5, table.Models.Max(m => m.Model.Length));
        sb.AppendLine(string.Format(ci, "automatic leaderboard: suite {0} ({1}), judge {2}; {3} battles, each judged in both orders",
            result.Suite, result.Hash[..12], result.Judge, result.Battles.Count));
        sb.AppendLine(string.Format(ci, "{0} inconsistent (counted as ties), {1} of {2} verdicts unparsed (counted as ties); Bradley–Terry {3:F0}% intervals from {4} bootstrap rounds (seed {5})",
            result.Inconsistent, result.Unparsed, 2 * result.Battles.Count, 100 * table.ConfidenceLevel, table.BootstrapRounds, table.Seed));
        sb.AppendLine($"{"rank",4}  {"model".PadRight(width)}  {"rating",8}  {"95% CI",-19}  {"W/T/L",-11}  {"checks passed",13}");
        foreach (var m in table.Models)
        {
            var run = answered.First(x => x.Contestant.Name == m.Model).Run;
            var passed = run.Rate(Condition.Model) is { Count: > 0 } rate ? string.Format(ci, "{0:F0}%", 100 * rate.Value) : "—";
            sb.AppendLine(string.Format(ci, "{0,4}  {1}  {2,8:F1}  [{3,7:F1}, {4,7:F1}]  {5,-11}  {6,13}",
                m.Rank, m.Model.PadRight(width), m.Rating, m.CiLow, m.CiHigh, $"{m.Wins}/{m.Ties}/{m.Losses}", passed));
        }
        if (!result.Complete) sb.AppendLine("INCOMPLETE: stopped before every battle was judged");
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The judging's JSON (<see cref="JudgingJson"/>) with <c>"settings"</c>, <c>"models"</c> (each contestant's
    /// stack and pass rate) and <c>"leaderboard": {"battles", "bootstrap_rounds", "seed", "confidence_level",
    /// "rows": [{"rank", "model", "rating", "ci_low", "ci_high", "wins", "ties", "losses", "win_rate"}]}</c>.
    /// </summary>
    public static JsonObject Json(JudgingResult result, RatingTable table, IReadOnlyList<(Contestant Contestant, EvaluationRun Run)> answered, EvaluationSettings settings)
    {
        var o = JudgingJson.Write(result);
        o["settings"] = new JsonObject
        {
            ["seed"] = settings.Seed,
            ["max_new_tokens"] = settings.MaxNewTokens,
            ["temperature"] = settings.Temperature,
            ["engine"] = settings.EngineVersion,
        };
        o["models"] = new JsonArray(answered.Select(x => (JsonNode?)new JsonObject
        {
            ["name"] = x.Contestant.Name,
            ["model"] = x.Contestant.Model,
            ["checks_passed"] = x.Run.Rate(Condition.Model) is { Count: > 0 } rate ? Math.Round(rate.Value, 6) : null,
        }).ToArray());
        o["leaderboard"] = new JsonObject
        {
            ["battles"] = table.Battles,
            ["bootstrap_rounds"] = table.BootstrapRounds,
            ["seed"] = table.Seed,
            ["confidence_level"] = table.ConfidenceLevel,
            ["rows"] = new JsonArray(table.Models.Select(m => (JsonNode?)new JsonObject
            {
                ["rank"] = m.Rank,
                ["model"] = m.Model,
                ["rating"] = Math.Round(m.Rating, 3),
                ["ci_low"] = Math.Round(m.CiLow, 3),
                ["ci_high"] = Math.Round(m.CiHigh, 3),
                ["wins"] = m.Wins,
                ["ties"] = m.Ties,
                ["losses"] = m.Losses,
                ["win_rate"] = Math.Round(m.WinRate, 6),
            }).ToArray()),
        };
        return o;
    }
}
