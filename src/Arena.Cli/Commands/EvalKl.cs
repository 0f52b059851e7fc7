using System.Text;
using Arena.Engine;
using Arena.Engine.Evaluation;
using Arena.Evaluation.Kl;
using Arena.Evaluation.Suites;

namespace Arena.Cli.Commands;

/// <summary>The <c>--kl</c> part of arena eval: KL fidelity on the suite's prompts, and its lines in the table.</summary>
internal static class EvalKl
{
    public static KlSummary Measure(ModelStack stack, Suite suite, string prompt, int seed, int maxTokens, CancellationToken ct)
    {
        Console.Error.WriteLine($"kl: sampling the prompted base on {suite.Items.Count} queries");
        var queries = new PromptKl(stack).MeasureAsync(prompt, suite.Items.Select(i => i.Prompt).ToList(), seed, maxTokens, ct).GetAwaiter().GetResult();
        return KlSummary.From(queries, seed);
    }

    public static string Table(KlSummary kl)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"KL(prompted ‖ ·) per token on {kl.Queries.Count} queries, {kl.Tokens} reply tokens sampled from the prompted base (seed {kl.Seed}):");
        sb.AppendLine($"  model (after)   {Show(kl.Model)}  per token {kl.ModelPerToken:F4}");
        sb.AppendLine($"  base (before)   {Show(kl.Base)}  per token {kl.BasePerToken:F4}");
        sb.AppendLine($"  ratio model ÷ base {(kl.Ratio is { } r ? r.ToString("F3") : "—")}");
        sb.AppendLine($"  histogram (nats)  {string.Join(" ", Labels())}");
        sb.AppendLine($"  model             {Counts(kl.ModelHistogram)}");
        sb.AppendLine($"  base              {Counts(kl.BaseHistogram)}");
        return sb.ToString().TrimEnd();
    }

    static string Show(Arena.Evaluation.Statistics.Estimate e) => e.Count == 0 ? "—" : $"{e.Value:F4} [{e.Low:F4}, {e.High:F4}] n={e.Count}";

    static IEnumerable<string> Labels() =>
        new[] { "<1e-4" }.Concat(KlHistogram.Edges.Select(e => "≥" + e.ToString("0.#e0"))).Select(l => $"{l,7}");

    static string Counts(KlHistogram h) => string.Join(" ", h.Counts.Select(c => $"{c,7}"));
}
