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
        ["settings"] = Settings(run.Settings),
        ["complete"] = run.Complete,
        ["fidelity"] = run.Fidelity is { } f ? Math.Round(f, 6) : null,
        ["conditions"] = new JsonArray(run.Scores.Select(s => (JsonNode?)Condition(s)).ToArray()),
    };

    /// <summary><c>{"seed", "max_new_tokens", "temperature", "engine"}</c>: shared by every kind of run.</summary>
    public static JsonObject Settings(EvaluationSettings settings) => new()
    {
        ["seed"] = settings.Seed,
        ["max_new_tokens"] = settings.MaxNewTokens,
        ["temperature"] = settings.Temperature,
        ["engine"] = settings.EngineVersion,
    };

    static JsonObject Condition(ConditionScore s)
    {
        var o = new JsonObject { ["name"] = s.Condition.Name, ["description"] = s.Condition.Description };
        foreach (var (key, value) in ScoreJson.Write(s.Score)) o[key] = value?.DeepClone();
        return o;
    }
}
