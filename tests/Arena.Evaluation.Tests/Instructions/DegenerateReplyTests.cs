using System.Diagnostics;
using System.Text.Json.Nodes;
using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

public class DegenerateReplyTests
{
    // What a model stuck in a loop can send back. Several of IFEval's patterns take quadratic time on these in a
    // backtracking engine (20,000 blank lines took over a second for the bullet pattern alone).
    public static TheoryData<string> Replies() =>
    [
        new string('\n', 100_000),
        string.Concat(Enumerable.Repeat(" \n", 50_000)),
        new string(' ', 100_000) + "x",
        new string('[', 100_000),
        string.Concat(Enumerable.Repeat("<<", 50_000)),
        string.Concat(Enumerable.Repeat("* ", 50_000)),
        string.Concat(Enumerable.Repeat("p. ", 33_000)),
    ];

    [Theory]
    [MemberData(nameof(Replies))]
    public void EveryInstructionJudgesADegenerateReplyQuickly(string reply)
    {
        var clock = Stopwatch.StartNew();
        foreach (var instruction in OneOfEach())
            instruction.Follows(reply);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    // The first use of every instruction id in the built-in suite, with its kwargs.
    private static IEnumerable<IInstruction> OneOfEach()
    {
        using var stream = typeof(InstructionRegistry).Assembly.GetManifestResourceStream("suites/instructions.jsonl")!;
        var built = new Dictionary<string, IInstruction>();
        foreach (var line in new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var item = JsonNode.Parse(line)!;
            var ids = item["instruction_id_list"]!.AsArray();
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i]!.GetValue<string>();
                if (!built.ContainsKey(id)) built[id] = InstructionRegistry.Create(id, item["kwargs"]![i]!.AsObject(), "");
            }
        }
        return built.Values;
    }
}
