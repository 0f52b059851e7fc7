using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Suites;

/// <summary>
/// One item of a suite: a conversation that ends with a user turn (the model writes the next assistant turn), an
/// optional system prompt of its own, a category for grouping, and the checks its reply must pass. An item without
/// checks is still asked (fidelity, judging, before/after replies) but is not scored. <see cref="Reference"/> is an
/// answer known to be good, when the suite has one (GSM8K's worked answer, the starter world's own reply).
/// </summary>
public sealed record SuiteItem(string Id, IReadOnlyList<SuiteTurn> Turns, string? System, string? Category, IReadOnlyList<ICheck> Checks)
{
    public string? Reference { get; init; }

    /// <summary>The last user turn: what IFEval calls the prompt, and what <c>repeat_prompt</c> repeats.</summary>
    public string Prompt => Turns[^1].Content;

    /// <summary>The user turns only, in order.</summary>
    public IReadOnlyList<string> UserTurns => Turns.Where(t => t.Role == "user").Select(t => t.Content).ToList();

    /// <summary>The assistant turns already written into the conversation, in order.</summary>
    public IReadOnlyList<string> AssistantTurns => Turns.Where(t => t.Role == "assistant").Select(t => t.Content).ToList();
}
