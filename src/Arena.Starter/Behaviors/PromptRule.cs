using System.Text.Json.Nodes;

namespace Arena.Starter.Behaviors;

/// <summary>
/// The rule that judges whether replies follow a prompt (<see cref="StarterRules"/> name and arguments), and, for a
/// prompt that states a fact, the questions that ask about it (other prompts are judged on everyday questions).
/// </summary>
public sealed record PromptRule(string Rule, JsonObject Args, IReadOnlyList<string>? Questions = null)
{
    /// <summary>The suite check this rule is: <c>{"kind": "rule", "rule", "args"}</c>.</summary>
    public JsonObject Check() => new() { ["kind"] = "rule", ["rule"] = Rule, ["args"] = Args.DeepClone() };

    /// <summary>The check of a reply to <paramref name="question"/> (a rule such as echo reads the question).</summary>
    public Arena.Evaluation.Checks.ICheck CheckFor(string question) =>
        Arena.Evaluation.Checks.CheckReader.Read(Check(), question, StarterRules.Instance);
}
