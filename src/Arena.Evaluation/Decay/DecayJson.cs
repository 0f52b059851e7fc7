using System.Text.Json.Nodes;
using Arena.Evaluation.Running;
using Arena.Evaluation.Scoring;

namespace Arena.Evaluation.Decay;

/// <summary>
/// The JSON shape of a decay run (<c>arena eval --decay --json</c>, the Evaluation tab): <c>{"kind": "decay",
/// "suite", "hash", "prompt", "check", "turns", "settings", "complete", "curves": [{"name", "description",
/// "complete", "conversations", "fitted", "fitted_by_all", "points": [{"turn", "value", "low", "high", "n"}],
/// "stops": [{"turn", "count", "reason" (the first one's)}], "transcripts": [{"conversation", "stopped_at", "reason", "turns":
/// [{"turn", "question", "reply", "passed", "error"}]}]}]}</c>. A stable interface: add fields, do not rename them.
/// </summary>
public static class DecayJson
{
    public static JsonObject Write(DecayRun run) => new()
    {
        ["kind"] = "decay",
        ["suite"] = run.Suite,
        ["hash"] = run.Hash,
        ["prompt"] = run.Prompt,
        ["check"] = run.Check,
        ["turns"] = run.Turns,
        ["settings"] = RunJson.Settings(run.Settings),
        ["complete"] = run.Complete,
        ["curves"] = new JsonArray(run.Curves.Select(c => (JsonNode?)Curve(c)).ToArray()),
    };

    static JsonObject Curve(DecayCurve curve) => new()
    {
        ["name"] = curve.Condition.Name,
        ["description"] = curve.Condition.Description,
        ["complete"] = curve.Complete,
        ["conversations"] = curve.Conversations.Count,
        ["fitted"] = curve.Fitted,
        ["fitted_by_all"] = curve.FittedByAll,
        ["points"] = new JsonArray(curve.Points.Select(p => (JsonNode?)Point(p)).ToArray()),
        ["stops"] = new JsonArray(curve.Stops.Select(s => (JsonNode?)new JsonObject
        {
            ["turn"] = s.Turn,
            ["count"] = s.Count,
            ["reason"] = s.Reason,
        }).ToArray()),
        ["transcripts"] = new JsonArray(curve.Conversations.Select(c => (JsonNode?)Transcript(c)).ToArray()),
    };

    static JsonObject Point(DecayPoint p)
    {
        var o = new JsonObject { ["turn"] = p.Turn };
        foreach (var (key, value) in ScoreJson.Write(p.Adherence)) o[key] = value?.DeepClone();
        return o;
    }

    static JsonObject Transcript(DecayConversation c) => new()
    {
        ["conversation"] = c.Index,
        ["stopped_at"] = c.Stop?.Turn,
        ["reason"] = c.Stop?.Reason,
        ["turns"] = new JsonArray(c.Turns.Select(t => (JsonNode?)new JsonObject
        {
            ["turn"] = t.Turn,
            ["question"] = t.Question,
            ["reply"] = t.Reply,
            ["passed"] = t.Passed,
            ["error"] = t.Result.Error,
        }).ToArray()),
    };
}
