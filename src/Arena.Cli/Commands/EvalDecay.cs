using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Evaluation.Checks;
using Arena.Evaluation.Decay;
using Arena.Evaluation.Statistics;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Cli.Commands;

/// <summary>
/// The <c>--decay</c> part of arena eval: which check judges every turn, and the table of adherence by turn. The
/// check is the prompt's starter rule (<see cref="PromptRules"/>) unless <c>--check</c> gives one; a prompt with
/// neither is refused before the model loads, since its curve would measure nothing.
/// </summary>
internal static class EvalDecay
{
    /// <summary>The plan for <paramref name="suite"/>'s prompts (or a fact prompt's own questions) under <paramref name="prompt"/>.</summary>
    public static DecayPlan Plan(Suite suite, string prompt, string? checkJson, int turns, int conversations)
    {
        JsonNode check;
        IReadOnlyList<string>? ownQuestions = null;
        if (checkJson is not null) check = Parse(checkJson);
        else if (PromptRules.Infer(prompt) is { } rule) (check, ownQuestions) = (rule.Check(), rule.Questions);
        else throw new UsageException("no check for this prompt: it names none of the starter's behaviors; give one with --check '{\"kind\": \"rule\", \"rule\": \"persona/pirate\"}' or any suite check");
        ICheck CheckFor(string question) => CheckReader.Read(check, question, StarterRules.Instance);
        var plan = DecayPlan.FromSuite(suite, prompt, CheckFor, turns, conversations);
        // A fact prompt is judged on the questions that ask for the fact: everyday questions would all fail its check.
        if (ownQuestions is not null) plan = plan with { Suite = "fact questions", Hash = "", Questions = ownQuestions };
        plan.Validate();
        CheckFor(plan.Questions[0]);   // a bad --check fails here, before the model loads
        return plan;
    }

    public static string Table(DecayRun run, int conversations)
    {
        var sb = new StringBuilder();
        var hash = run.Hash.Length >= 12 ? $" ({run.Hash[..12]})" : "";
        sb.AppendLine($"decay over {run.Turns} turns: {conversations} conversations per condition, questions from {run.Suite}{hash}, check {run.Check}");
        sb.AppendLine($"seed {run.Settings.Seed}, temperature {run.Settings.Temperature.ToString(CultureInfo.InvariantCulture)}, replies up to {run.Settings.MaxNewTokens} tokens");
        sb.AppendLine("turn  " + string.Join("", run.Curves.Select(c => $"{c.Condition.Name,-28}")).TrimEnd());
        var turns = run.Curves.Max(c => c.Fitted);
        for (var t = 1; t <= turns; t++)
            sb.AppendLine($"{t,4}  " + string.Join("", run.Curves.Select(c => $"{Show(c.Points.ElementAtOrDefault(t - 1)?.Adherence),-28}")).TrimEnd());
        foreach (var c in run.Curves) sb.AppendLine(Fitted(c));
        if (!run.Complete) sb.AppendLine("INCOMPLETE: stopped before every conversation ended");
        return sb.ToString().TrimEnd();
    }

    static string Fitted(DecayCurve c)
    {
        var line = $"{c.Condition.Name}: {c.Fitted} of {c.Turns} turns fitted";
        if (c.FittedByAll < c.Fitted) line += $" (all {c.Conversations.Count} conversations through turn {c.FittedByAll})";
        var stops = c.Stops;
        if (stops.Count == 0) return line;
        var at = string.Join(", ", stops.Select(s => $"{s.Count} at turn {s.Turn}"));
        return $"{line}; stopped: {at} ({stops[0].Reason})";
    }

    static string Show(Estimate? e) => e is null || e.Count == 0 ? "—" : $"{e.Value:P0} [{e.Low:P0}, {e.High:P0}] n={e.Count}";

    static JsonNode Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) ?? throw new UsageException("--check must be a JSON object, e.g. {\"kind\": \"contains\", \"value\": \"arr\"}");
        }
        catch (JsonException e)
        {
            throw new UsageException($"--check is not JSON: {e.Message}");
        }
    }
}
