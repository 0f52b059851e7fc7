using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Judging;

/// <summary>
/// The starter's judge: the answer that passes more of the item's checks wins; the same number is a tie. It sees
/// nothing but the checks, so it cannot favour a position, a length or a name. An item without checks is a tie.
/// </summary>
public sealed class RuleJudge : IJudge
{
    public string Name => "rule";

    public string? Model => null;

    public Task<IReadOnlyList<Judgment>> JudgeAsync(IReadOnlyList<JudgeRequest> requests, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Judgment>>(requests.Select(Judge).ToList());

    public static Judgment Judge(JudgeRequest request)
    {
        var checks = request.Item.Checks.Count;
        if (checks == 0) return new Judgment(Verdict.Tie, "the item has no checks");
        var (a, b) = (Passed(request.Item, request.AnswerA), Passed(request.Item, request.AnswerB));
        var reason = $"A passes {a}/{checks} checks, B passes {b}/{checks}";
        return new Judgment(a > b ? Verdict.A : a < b ? Verdict.B : Verdict.Tie, reason);
    }

    static int Passed(SuiteItem item, string answer) => item.Checks.Count(c => c.Check(answer).Passed);
}
