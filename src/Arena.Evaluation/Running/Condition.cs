namespace Arena.Evaluation.Running;

/// <summary>
/// One way of asking a model: with its adapters on or off (<see cref="Adapted"/>), with the recipe's prompt as
/// system prompt or without (<see cref="WithPrompt"/>). Prompt baking is judged by comparing these four.
/// </summary>
public sealed record Condition(string Name, bool Adapted, bool WithPrompt, string Description)
{
    /// <summary>The base model, unprompted: the floor.</summary>
    public static Condition Base { get; } = new("base", false, false, "base model, no prompt");

    /// <summary>The base model with the prompt: what the bake aims at (the ceiling).</summary>
    public static Condition Prompted { get; } = new("prompted", false, true, "base model with the prompt");

    /// <summary>The model (base + adapters), unprompted: what the bake achieved.</summary>
    public static Condition Model { get; } = new("model", true, false, "the model, no prompt");

    /// <summary>The model with the prompt again: does re-prompting a baked model add to it.</summary>
    public static Condition Reprompted { get; } = new("reprompted", true, true, "the model with the prompt again");

    /// <summary>Every condition, in the order reports list them.</summary>
    public static IReadOnlyList<Condition> All { get; } = [Base, Prompted, Model, Reprompted];

    /// <summary>
    /// The conditions named in <paramref name="list"/> (comma-separated). Throws <see cref="SuiteException"/> for an
    /// unknown name, and for prompted conditions when there is no prompt to give.
    /// </summary>
    public static IReadOnlyList<Condition> Parse(string list, bool havePrompt)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new SuiteException("no condition given (known: base, prompted, model, reprompted)");
        var conditions = names.Distinct().Select(n => All.FirstOrDefault(c => c.Name == n)
            ?? throw new SuiteException($"unknown condition '{n}' (known: {string.Join(", ", All.Select(c => c.Name))})")).ToList();
        var prompted = conditions.FirstOrDefault(c => c.WithPrompt);
        if (prompted is not null && !havePrompt) throw new SuiteException($"condition '{prompted.Name}' needs a prompt (--prompt, or the bake's recipe)");
        return conditions;
    }
}
