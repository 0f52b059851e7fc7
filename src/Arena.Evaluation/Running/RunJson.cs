using System.Text.Json.Nodes;
using Arena.Evaluation.Scoring;

namespace Arena.Evaluation.Running;

/// <summary>
/// The JSON shape of an evaluation run (<c>arena eval --json</c>, the API): <c>{"suite", "hash", "prompt",
/// "settings": {"seed", "max_new_tokens", "temperature", "engine"}, "complete", "fidelity", "conditions": [{"name",
/// "description", ...the suite score's fields}]}</c>. A stable interface: add fields, do not rename them.
/// </summary>
public static class RunJson
{
    public static JsonObject Write(EvaluationRun run) => new()
    {
        ["suite"] = run.Suite,
        ["hash"] = run.Hash,
        ["prompt"] = run.Prompt,
        ["settings"] = new JsonObject
        {
            ["seed"] = run.Settings.Seed,
            ["max_new_tokens"] = run.Settings.MaxNewTokens,
            ["temperature"] = run.Settings.Temperature,
            ["engine"] = run.Settings.EngineVersion,
        },
        ["complete"] = run.Complete,
        ["fidelity"] = run.Fidelity is { } f ? Math.Round(f, 6) : null,
        ["conditions"] = new JsonArray(run.Scores.Select(s => (JsonNode?)Condition(s)).ToArray()),
    };

    static JsonObject Condition(ConditionScore s)
    {
        var o = new JsonObject { ["name"] = s.Condition.Name, ["description"] = s.Condition.Description };
        foreach (var (key, value) in ScoreJson.Write(s.Score)) o[key] = value?.DeepClone();
        return o;
    }
}
