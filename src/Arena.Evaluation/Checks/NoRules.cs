using System.Text.Json.Nodes;

namespace Arena.Evaluation.Checks;

/// <summary>A rule book with no rules: suites read with it may not use <c>rule</c> checks.</summary>
public sealed class NoRules : IRuleBook
{
    public static NoRules Instance { get; } = new();

    public IReadOnlyList<string> Names => [];

    public Func<string, bool> Resolve(string name, JsonObject? args, string prompt) =>
        throw new SuiteException($"unknown rule '{name}' (no rule book is loaded here)");
}
