using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Judging;

/// <summary>
/// A model as judge: each comparison is written as <see cref="JudgePrompt"/> and sent to the model through a reply
/// source; the verdict is read from the reply by <see cref="VerdictParser"/>. A reply with no clear verdict, or no
/// reply at all (a prompt longer than the judge's context), is an unparsed tie, never a guess.
/// </summary>
public sealed class ModelJudge(IReplySource source, string name, string model) : IJudge
{
    /// <summary>Room for a few sentences of reasoning and the verdict after them.</summary>
    public const int DefaultMaxNewTokens = 256;

    public string Name => name;

    public string? Model => model;

    public async Task<IReadOnlyList<Judgment>> JudgeAsync(IReadOnlyList<JudgeRequest> requests, CancellationToken ct)
    {
        var asked = requests.Select(r => new ReplyRequest(JudgePrompt.System, [new SuiteTurn("user", JudgePrompt.User(r))])).ToList();
        // The judge model's adapters (if any) make it the judge it is, so they are always on.
        var replies = await source.WriteAsync(adapted: true, asked, ct);
        if (replies.Count != requests.Count) throw new InvalidOperationException($"the judge wrote {replies.Count} replies for {requests.Count} requests");
        return replies.Select(Read).ToList();
    }

    /// <summary>The judgment a judge's reply makes.</summary>
    public static Judgment Read(Reply reply) =>
        reply.Error is { } error ? Judgment.Unparsed($"no reply: {error}")
        : VerdictParser.Parse(reply.Text) is { } verdict ? new Judgment(verdict, reply.Text)
        : Judgment.Unparsed(reply.Text);
}
