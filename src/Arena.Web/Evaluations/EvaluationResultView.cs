using System.Text.Json.Nodes;

namespace Arena.Web.Evaluations;

/// <summary>A rate as the page shows it.</summary>
public sealed record RateView(double Value, double Low, double High, int Count)
{
    public string Share => $"{Math.Round(Value * 100):0}%";
    public string Interval => $"{Math.Round(Low * 100):0}–{Math.Round(High * 100):0}%";
}

/// <summary>One item's reply under one condition.</summary>
public sealed record ItemView(string Id, bool? Passed, string Response, string? Error);

/// <summary>A suite's scores under one condition.</summary>
public sealed record ConditionView(string Name, string Description, RateView? Strict, RateView? Loose, RateView? Checks, bool Complete, IReadOnlyList<ItemView> Items);

/// <summary>
/// An evaluation job's scores read back from the JSON the worker wrote (Arena.Evaluation's RunJson, a stable shape),
/// for the Evaluation tab. Fields the page does not need are not read.
/// </summary>
public sealed record EvaluationResultView(string Suite, bool Complete, double? Fidelity, IReadOnlyList<ConditionView> Conditions)
{
    /// <summary>The view of <paramref name="json"/>, or null when there is none or it cannot be read.</summary>
    public static EvaluationResultView? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) return null;
            var conditions = (o["conditions"] as JsonArray ?? []).OfType<JsonObject>().Select(Condition).ToList();
            return new EvaluationResultView((string?)o["suite"] ?? "", (bool?)o["complete"] ?? false, (double?)o["fidelity"], conditions);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    static ConditionView Condition(JsonObject c)
    {
        var summary = c["summary"] as JsonObject;
        var items = (c["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(i => new ItemView((string?)i["id"] ?? "", (bool?)i["passed"], (string?)i["response"] ?? "", (string?)i["error"]))
            .ToList();
        return new ConditionView((string?)c["name"] ?? "", (string?)c["description"] ?? "", Rate(summary?["strict"]), Rate(summary?["loose"]),
            Rate(summary?["checks_strict"]), (bool?)c["complete"] ?? false, items);
    }

    static RateView? Rate(JsonNode? node) =>
        node is JsonObject r && (int?)r["n"] is > 0 and var n
            ? new RateView((double?)r["value"] ?? 0, (double?)r["low"] ?? 0, (double?)r["high"] ?? 1, n)
            : null;
}
