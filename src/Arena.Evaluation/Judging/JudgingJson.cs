using System.Text.Json.Nodes;

namespace Arena.Evaluation.Judging;

/// <summary>
/// The JSON shape of a judged tournament (<c>arena judge --json</c>): <c>{"suite", "hash", "judge", "complete",
/// "contestants", "battle_count", "inconsistent", "unparsed", "pairs": [{"model_a", "model_b", "wins_a", "ties",
/// "wins_b", "inconsistent", "unparsed"}], "battles": [{"item", "model_a", "model_b", "winner" ("model_a", "model_b"
/// or "tie"), "consistent", "first", "second"}]}</c>, each judgment <c>{"verdict" ("A", "B" or "tie"), "parsed",
/// "reason"}</c>. A stable interface: add fields, do not rename them.
/// </summary>
public static class JudgingJson
{
    public static JsonObject Write(JudgingResult result) => new()
    {
        ["suite"] = result.Suite,
        ["hash"] = result.Hash,
        ["judge"] = result.Judge,
        ["complete"] = result.Complete,
        ["contestants"] = new JsonArray(result.Contestants.Select(c => (JsonNode?)c).ToArray()),
        ["battle_count"] = result.Battles.Count,
        ["inconsistent"] = result.Inconsistent,
        ["unparsed"] = result.Unparsed,
        ["pairs"] = new JsonArray(result.Pairs.Select(p => (JsonNode?)new JsonObject
        {
            ["model_a"] = p.ModelA,
            ["model_b"] = p.ModelB,
            ["wins_a"] = p.WinsA,
            ["ties"] = p.Ties,
            ["wins_b"] = p.WinsB,
            ["inconsistent"] = p.Inconsistent,
            ["unparsed"] = p.Unparsed,
        }).ToArray()),
        ["battles"] = new JsonArray(result.Battles.Select(b => (JsonNode?)new JsonObject
        {
            ["item"] = b.Item,
            ["model_a"] = b.ModelA,
            ["model_b"] = b.ModelB,
            ["winner"] = b.Verdict switch { Verdict.A => "model_a", Verdict.B => "model_b", _ => "tie" },
            ["consistent"] = b.Consistent,
            ["first"] = Judgment(b.First),
            ["second"] = Judgment(b.Second),
        }).ToArray()),
    };

    static JsonObject Judgment(Judgment j) => new()
    {
        ["verdict"] = j.Verdict switch { Verdict.A => "A", Verdict.B => "B", _ => "tie" },
        ["parsed"] = j.Parsed,
        ["reason"] = j.Reason,
    };
}
