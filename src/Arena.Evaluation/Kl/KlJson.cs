using System.Text.Json.Nodes;
using Arena.Evaluation.Scoring;

namespace Arena.Evaluation.Kl;

/// <summary>
/// The JSON shape of a KL measurement (the <c>"kl"</c> field of <c>arena eval --kl --json</c>, the Evaluation tab):
/// <c>{"queries", "tokens", "seed", "model": {"value", "low", "high", "n"}, "base": {...}, "model_per_token",
/// "base_per_token", "ratio", "histogram": {"edges", "model", "base"}, "items": [{"query", "reply", "tokens",
/// "model", "base"}]}</c>. Histogram counts have one more entry than the edges (below the first edge, then each
/// bin, then at or above the last). A stable interface: add fields, do not rename them.
/// </summary>
public static class KlJson
{
    public static JsonObject Write(KlSummary kl) => new()
    {
        ["queries"] = kl.Queries.Count,
        ["tokens"] = kl.Tokens,
        ["seed"] = kl.Seed,
        ["model"] = ScoreJson.Write(kl.Model),
        ["base"] = ScoreJson.Write(kl.Base),
        ["model_per_token"] = Finite(kl.ModelPerToken),
        ["base_per_token"] = Finite(kl.BasePerToken),
        ["ratio"] = kl.Ratio is { } r ? Finite(r) : null,
        ["histogram"] = new JsonObject
        {
            ["edges"] = new JsonArray(KlHistogram.Edges.Select(e => (JsonNode?)e).ToArray()),
            ["model"] = new JsonArray(kl.ModelHistogram.Counts.Select(c => (JsonNode?)c).ToArray()),
            ["base"] = new JsonArray(kl.BaseHistogram.Counts.Select(c => (JsonNode?)c).ToArray()),
        },
        ["items"] = new JsonArray(kl.Queries.Select(q => (JsonNode?)new JsonObject
        {
            ["query"] = q.Query,
            ["reply"] = q.Reply,
            ["tokens"] = q.Tokens,
            ["model"] = Finite(q.ModelMean),
            ["base"] = Finite(q.BaseMean),
        }).ToArray()),
    };

    // JSON has no NaN: a mean over nothing is written as null.
    static JsonNode? Finite(double x) => double.IsFinite(x) ? Math.Round(x, 6) : null;
}
