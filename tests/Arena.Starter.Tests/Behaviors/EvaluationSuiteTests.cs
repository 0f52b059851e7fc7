using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Starter.Tests.Behaviors;

public class EvaluationSuiteTests
{
    private const string PlainReply = "A cow says moo. Many children learn this sound when they are small.";

    private static readonly EvaluationSuite Suite = new(InstructionWorld.Probes(seed: 1, perBehavior: 20));

    // A perfect model: with a system prompt it gives the world's reference reply, without one a plain answer.
    private static readonly Dictionary<string, string> References = Suite.Probes
        .SelectMany(p => p.UserTurns.Select((_, i) => (Key: Key(p.System, p.UserTurns.Take(i + 1)), Reply: p.ReferenceReplies[i])))
        .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Reply);

    private static string Key(string? system, IEnumerable<string> users) => system + "\u0001" + string.Join("\u0001", users);

    private static string PerfectModel(string? system, IReadOnlyList<string> users, IReadOnlyList<string> replies) =>
        system is null && !References.ContainsKey(Key(null, users)) ? PlainReply : References[Key(system, users)];

    [Fact]
    public void PerfectModelFollowsEveryBehaviorOnlyWhenPrompted()
    {
        var report = Suite.Run(PerfectModel);

        Assert.All(report.Rows, r => Assert.Equal(1.0, r.Prompted));
        Assert.All(report.Rows.Where(r => r.Family is not "neutral"), r => Assert.Equal(0.0, r.Unprompted));
        Assert.Equal(1.0, report.Row(BehaviorCatalog.Plain).Unprompted);
        Assert.Equal(1.0, report.FactRecall);
        Assert.Equal(0.0, report.UnpromptedFactRecall);
        Assert.Equal(0.0, report.DegenerateRate);
        Assert.All(report.PromptedByTurn, p => Assert.Equal(1.0, p));
    }

    [Fact]
    public void ModelThatIgnoresSystemPromptsScoresZeroOnStyles()
    {
        var report = Suite.Run((_, _, _) => PlainReply);

        Assert.All(report.Rows.Where(r => r.Family is not ("neutral" or "fact")), r => Assert.Equal(0.0, r.Prompted));
        Assert.Equal(0.0, report.FactRecall);
        Assert.Equal(1.0, report.Row(BehaviorCatalog.Plain).Prompted);
    }

    [Fact]
    public void PromptDecayShowsInAdherenceByTurn()
    {
        // Follows the system prompt on the first turn only, then reverts to plain answers.
        var report = Suite.Run((s, u, r) => u.Count == 1 ? PerfectModel(s, u, r) : PlainReply);

        Assert.Equal(1.0, report.PromptedByTurn[0]);
        Assert.True(report.PromptedByTurn.Count > 1);
        Assert.All(report.PromptedByTurn.Skip(1), p => Assert.True(p < 0.1, $"{p}"));
    }

    [Fact]
    public void FactRecallIsBrokenDownByHowManyFactsThePromptStates()
    {
        // Recalls a fact only when the prompt states that one fact alone: the breakdown must show 100% at one fact and
        // nothing where neighbours crowd it.
        var factsStated = Suite.Probes.Where(p => p.Behavior.StartsWith("fact/", StringComparison.Ordinal))
            .ToDictionary(p => p.System!, p => p.Contexts[0].FactsStated!.Value);
        var report = Suite.Run((s, u, r) => s is not null && factsStated.GetValueOrDefault(s) == 1 ? PerfectModel(s, u, r) : PlainReply);

        Assert.Equal([1, 2, 3, 4, 5], report.FactRecallByFactsStated.Keys.Order());
        Assert.Equal(1.0, report.FactRecallByFactsStated[1]);
        Assert.All(report.FactRecallByFactsStated.Where(p => p.Key > 1), p => Assert.Equal(0.0, p.Value));
        Assert.Contains("fact recall by facts stated: 1: 100 %", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRepliesCountAsDegenerate() =>
        Assert.Equal(1.0, Suite.Run((_, _, _) => "").DegenerateRate);

    [Fact]
    public void RowsCountEveryScoredReply()
    {
        var report = Suite.Run(PerfectModel);
        Assert.Equal(Suite.Probes.Sum(p => p.UserTurns.Count), report.Rows.Sum(r => r.N));
        Assert.Contains("persona/pirate", report.ToTable());
    }

    [Fact]
    public void RunStopsWhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Suite.Run(PerfectModel, cts.Token));
    }
}
