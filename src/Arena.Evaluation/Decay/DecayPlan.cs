using Arena.Evaluation.Checks;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Decay;

/// <summary>
/// What a decay run asks: <see cref="Conversations"/> conversations of <see cref="Turns"/> user turns, each turn an
/// unrelated everyday question from <see cref="Questions"/>, every reply judged by the check
/// <see cref="CheckFor"/> gives for its question (one rule, read per question so a rule like "echo the message" sees it).
/// <see cref="Suite"/> and <see cref="Hash"/> name where the questions came from, as a score does.
/// </summary>
public sealed record DecayPlan(string Suite, string Hash, IReadOnlyList<string> Questions, string Prompt, Func<string, ICheck> CheckFor, int Turns, int Conversations)
{
    /// <summary>Long enough for a system prompt to fade: the paper's curves bend within the first dozen turns.</summary>
    public const int DefaultTurns = 16;

    /// <summary>Conversations per condition: one batch on a CPU, enough for an interval of about ±30 points per turn.</summary>
    public const int DefaultConversations = 8;

    /// <summary>
    /// Shorter replies than a suite run's: every reply stays in the history, so the reply length decides how many
    /// turns fit the context (the starter's 512 tokens hold about 8 turns of 48-token replies).
    /// </summary>
    public const int DefaultMaxNewTokens = 48;

    /// <summary>The most turns a plan may ask for.</summary>
    public const int MaxTurns = 256;

    /// <summary>The suite's prompts (each item's last user turn) as the questions.</summary>
    public static DecayPlan FromSuite(Suite suite, string prompt, Func<string, ICheck> checkFor, int turns = DefaultTurns, int conversations = DefaultConversations) =>
        new(suite.Name, suite.Hash, suite.Items.Select(i => i.Prompt).Distinct().ToList(), prompt, checkFor, turns, conversations);

    /// <summary>
    /// The question of <paramref name="conversation"/> (from 0) at <paramref name="turn"/> (from 1): each conversation
    /// walks the questions in its own fixed order, so no two conversations are the same and none repeats a question
    /// before it has asked them all.
    /// </summary>
    public string Question(int conversation, int turn) => Order(conversation)[(turn - 1) % Questions.Count];

    /// <summary>Throws <see cref="SuiteException"/> for a plan that cannot run.</summary>
    public void Validate()
    {
        if (Questions.Count == 0) throw new SuiteException("a decay run needs at least one question");
        if (string.IsNullOrWhiteSpace(Prompt)) throw new SuiteException("a decay run needs a prompt");
        if (Turns is < 1 or > MaxTurns) throw new SuiteException($"turns must be in 1..{MaxTurns}, got {Turns}");
        if (Conversations is < 1 or > SuiteLimits.MaxItems) throw new SuiteException($"conversations must be in 1..{SuiteLimits.MaxItems}, got {Conversations}");
    }

    string[] Order(int conversation)
    {
        var order = Questions.ToArray();
        // A fixed seed per conversation (not the run's seed): the questions are part of what is measured, like a suite's items.
        new Random(conversation + 1).Shuffle(order);
        return order;
    }
}
