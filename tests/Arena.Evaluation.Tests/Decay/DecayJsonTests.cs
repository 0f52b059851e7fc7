using Arena.Evaluation.Checks;
using Arena.Evaluation.Decay;
using Arena.Evaluation.Running;

namespace Arena.Evaluation.Tests.Decay;

public class DecayJsonTests
{
    [Fact]
    public void TheJsonCarriesEachCurveItsPointsStopsAndTranscripts()
    {
        var turn = new DecayTurn(1, "Question 1?", "Arr.", CheckResult.Of("contains", "contains \"arr\"", true));
        var stopped = new DecayConversation(0, [turn], new DecayStop(2, "too long"));
        var running = new DecayConversation(1, [turn, turn with { Turn = 2, Result = CheckResult.Of("contains", "contains \"arr\"", false) }], null);
        var run = new DecayRun("everyday", "hash", "Talk like a pirate.", "contains \"arr\"", 2, new EvaluationSettings(3, 48, 0, "test"),
            [new DecayCurve(Condition.Prompted, 2, [stopped, running])]);

        var json = DecayJson.Write(run);

        Assert.Equal("decay", (string)json["kind"]!);
        Assert.Equal(48, (int)json["settings"]!["max_new_tokens"]!);
        Assert.True((bool)json["complete"]!);
        var curve = json["curves"]![0]!;
        Assert.Equal("prompted", (string)curve["name"]!);
        Assert.Equal((2, 1), ((int)curve["fitted"]!, (int)curve["fitted_by_all"]!));
        var points = curve["points"]!.AsArray();
        Assert.Equal([(1, 1.0, 2), (2, 0.0, 1)], points.Select(p => ((int)p!["turn"]!, (double)p["value"]!, (int)p["n"]!)));
        Assert.Equal("too long", (string)curve["stops"]![0]!["reason"]!);
        Assert.Equal(2, (int)curve["transcripts"]![0]!["stopped_at"]!);
        Assert.Equal("Arr.", (string)curve["transcripts"]![1]!["turns"]![0]!["reply"]!);
    }
}
