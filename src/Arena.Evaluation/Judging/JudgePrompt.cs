using System.Text;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Judging;

/// <summary>
/// What a model judge is asked: a pairwise prompt in the manner of MT-Bench's and Arena-Hard's (an impartial judge,
/// position and length named as biases to avoid, a short explanation, then a bracketed verdict), in our own words.
/// The question is the item's whole conversation, with the system prompt both contestants were given.
/// </summary>
public static class JudgePrompt
{
    public const string System = """
        You are an impartial judge. Two AI assistants answered the same user question; decide which answer serves the user better.
        Consider whether each answer follows the user's instructions, and how helpful, correct, relevant and clear it is.
        The order the answers are shown in means nothing: answer A is no more likely to be better than answer B.
        Do not let the length of an answer or the name of an assistant sway you.
        First explain your reasoning in a few sentences. Then give your verdict on the last line, exactly one of:
        [[A]] if answer A is better, [[B]] if answer B is better, [[C]] if they are equally good or equally bad.
        """;

    /// <summary>The user turn for one comparison.</summary>
    public static string User(JudgeRequest request)
    {
        var sb = new StringBuilder();
        if (request.Item.System is { } system) sb.Append("[Instructions both assistants were given]\n").Append(system).Append("\n\n");
        sb.Append("[Question]\n").Append(Conversation(request.Item)).Append("\n\n");
        sb.Append("[Start of answer A]\n").Append(request.AnswerA).Append("\n[End of answer A]\n\n");
        sb.Append("[Start of answer B]\n").Append(request.AnswerB).Append("\n[End of answer B]");
        return sb.ToString();
    }

    // One user turn is the question itself; a longer conversation is shown turn by turn, the answers replying to its end.
    static string Conversation(SuiteItem item) =>
        item.Turns.Count == 1
            ? item.Prompt
            : string.Join("\n", item.Turns.Select(t => $"{(t.Role == "user" ? "User" : "Assistant")}: {t.Content}"));
}
