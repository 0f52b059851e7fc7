using System.Text.Json.Nodes;

namespace Arena.Evaluation.Checks;

/// <summary>
/// Named behavior checkers a suite can call with <c>{"kind": "rule", "rule": NAME, "args": {...}}</c>, e.g. the
/// starter's <c>persona/pirate</c>. The evaluation framework knows none itself; a client passes the book it has.
/// </summary>
public interface IRuleBook
{
    /// <summary>The rule names this book knows.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>
    /// The verdict of rule <paramref name="name"/> given <paramref name="args"/> and the item's
    /// <paramref name="prompt"/> (a rule like "repeat the message" reads it), as a function of the reply.
    /// Throws <see cref="SuiteException"/> for an unknown rule or arguments it cannot use.
    /// </summary>
    Func<string, bool> Resolve(string name, JsonObject? args, string prompt);
}
