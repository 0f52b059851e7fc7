using System.Globalization;
using System.Text;

namespace Arena.Starter.Behaviors;

/// <summary>
/// The result of an <see cref="EvaluationSuite"/> run.
/// <paramref name="FactRecall"/>: share of fact replies containing the fact's object, with the facts in the prompt
/// (<paramref name="UnpromptedFactRecall"/>: without them; should be ~0 on held-out entities).
/// <paramref name="DegenerateRate"/>: share of all replies that <see cref="RepetitionDetector"/> flags.
/// <paramref name="PromptedByTurn"/>: prompted adherence of style and fact probes at turn 1, 2, ... (prompt decay).
/// </summary>
public sealed record EvaluationReport(
    IReadOnlyList<AdherenceRow> Rows,
    double FactRecall,
    double UnpromptedFactRecall,
    double DegenerateRate,
    IReadOnlyList<double> PromptedByTurn)
{
    /// <summary>
    /// Prompted fact recall by how many facts the system prompt states (1 to 5): telling one fact from its neighbours
    /// (binding) is where recall is lost, not copying the one fact.
    /// </summary>
    public IReadOnlyDictionary<int, double> FactRecallByFactsStated { get; init; } = new Dictionary<int, double>();

    /// <summary>The row of one behavior ("family/id").</summary>
    public AdherenceRow Row(string behavior) =>
        Rows.Single(r => $"{r.Family}/{r.Id}" == behavior);

    /// <summary>A fixed-width text table, for logs.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{"behavior",-24} {"prompted",9} {"unprompted",11} {"n",6}");
        foreach (var r in Rows)
            sb.AppendLine(ci, $"{r.Family + "/" + r.Id,-24} {r.Prompted,9:P1} {r.Unprompted,11:P1} {r.N,6}");
        sb.AppendLine(ci, $"fact recall {FactRecall:P1} (unprompted {UnpromptedFactRecall:P1}), degenerate {DegenerateRate:P1}");
        if (FactRecallByFactsStated.Count > 0)
            sb.AppendLine(ci, $"fact recall by facts stated: {string.Join(" ", FactRecallByFactsStated.Select(p => $"{p.Key}: {p.Value.ToString("P0", ci)}"))}");
        sb.AppendLine(ci, $"prompted by turn: {string.Join(" ", PromptedByTurn.Select(p => p.ToString("P1", ci)))}");
        return sb.ToString();
    }
}
