using System.Text.Json.Nodes;
using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Scoring;

/// <summary>
/// The JSON shape of a suite's score, written by <c>arena eval --json</c> and served by the API: a stable interface.
/// <c>{"suite", "hash", "complete", "missing", "summary": {"strict", "loose", "checks_strict", "checks_loose",
/// "by_category"}, "items": [{"id", "category", "passed", "passed_loose", "response", "error", "checks": [...]}]}</c>;
/// each estimate is <c>{"value", "low", "high", "n"}</c>.
/// </summary>
public static class ScoreJson
{
    public static JsonObject Write(SuiteScore score) => new()
    {
        ["suite"] = score.Suite,
        ["hash"] = score.Hash,
        ["complete"] = score.Complete,
        ["missing"] = new JsonArray(score.Missing.Select(m => (JsonNode?)m).ToArray()),
        ["summary"] = Summary(score),
        ["items"] = new JsonArray(score.Items.Select(i => (JsonNode?)Item(i)).ToArray()),
    };

    public static JsonObject Summary(SuiteScore score) => new()
    {
        ["strict"] = Write(score.Strict),
        ["loose"] = Write(score.Loose),
        ["checks_strict"] = Write(score.ChecksStrict),
        ["checks_loose"] = Write(score.ChecksLoose),
        ["by_category"] = new JsonObject(score.ByCategory.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)Write(c.Value)))),
    };

    public static JsonObject Write(Estimate e) => new()
    {
        ["value"] = Finite(e.Value),
        ["low"] = Finite(e.Low),
        ["high"] = Finite(e.High),
        ["n"] = e.Count,
    };

    static JsonObject Item(ItemScore i) => new()
    {
        ["id"] = i.Id,
        ["category"] = i.Category,
        ["passed"] = i.Scored ? i.Passed : null,
        ["passed_loose"] = i.Scored ? i.PassedLoose : null,
        ["response"] = i.Response,
        ["error"] = i.Error,
        ["checks"] = new JsonArray(i.Checks.Select(c => (JsonNode?)new JsonObject
        {
            ["kind"] = c.Kind,
            ["name"] = c.Name,
            ["passed"] = c.Passed,
            ["passed_loose"] = c.PassedLoose,
            ["error"] = c.Error,
        }).ToArray()),
    };

    // JSON has no NaN: an estimate over nothing is written as null.
    static JsonNode? Finite(double x) => double.IsFinite(x) ? Math.Round(x, 6) : null;
}
