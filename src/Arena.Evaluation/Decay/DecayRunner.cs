using Arena.Evaluation.Checks;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Decay;

/// <summary>
/// Measures how a prompt's hold on a model fades over a long conversation: each conversation is asked turn after
/// turn with the model's own earlier replies as history, under each condition (by default the prompted base, whose
/// prompt sits ever further back, and the model with the prompt baked in). All conversations of a condition go to
/// the reply source together at each turn. A conversation the source cannot answer (its history outgrew the
/// context) stops there with the source's reason; a cancelled run returns its partial curves, marked incomplete.
/// </summary>
public sealed class DecayRunner(IReplySource source)
{
    /// <summary>What a decay run compares: the prompt given as a system prompt against the prompt in the weights.</summary>
    public static IReadOnlyList<Condition> DefaultConditions { get; } = [Condition.Prompted, Condition.Model];

    public async Task<DecayRun> RunAsync(
        DecayPlan plan, IReadOnlyList<Condition> conditions, EvaluationSettings settings,
        IProgress<EvaluationProgress>? progress = null, CancellationToken ct = default)
    {
        plan.Validate();
        if (conditions.Count == 0) throw new SuiteException("a decay run needs at least one condition");
        var states = conditions.ToDictionary(c => c, _ => Enumerable.Range(0, plan.Conversations).Select(i => new Conversation(i)).ToList());
        var total = conditions.Count * plan.Conversations * plan.Turns;
        var done = 0;
        progress?.Report(new EvaluationProgress(0, total));
        try
        {
            // Turn by turn across conditions, so a cancelled run has curves of about the same length.
            for (var turn = 1; turn <= plan.Turns; turn++)
                foreach (var condition in conditions)
                {
                    ct.ThrowIfCancellationRequested();
                    done += await AskTurn(plan, condition, turn, states[condition], ct);
                    progress?.Report(new EvaluationProgress(done, total));
                }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Kept, not thrown away: the curves so far are returned and say they are incomplete.
        }
        var curves = conditions.Select(c => new DecayCurve(c, plan.Turns, states[c].Select(s => s.ToRecord()).ToList())).ToList();
        return new DecayRun(plan.Suite, plan.Hash, plan.Prompt, plan.CheckFor(plan.Questions[0]).Name, plan.Turns, settings, curves);
    }

    /// <summary>Asks one turn of every conversation still going; returns the turns settled (a stopped conversation settles all it had left).</summary>
    async Task<int> AskTurn(DecayPlan plan, Condition condition, int turn, List<Conversation> conversations, CancellationToken ct)
    {
        var asking = conversations.Where(c => c.Stop is null).ToList();
        if (asking.Count == 0) return 0;
        var settled = 0;
        var questions = asking.Select(c => plan.Question(c.Index, turn)).ToList();
        var requests = asking.Select((c, i) => new ReplyRequest(condition.WithPrompt ? plan.Prompt : null, [.. c.History, new SuiteTurn("user", questions[i])])).ToList();
        var replies = await source.WriteAsync(condition.Adapted, requests, ct);
        if (replies.Count != requests.Count) throw new InvalidOperationException($"the reply source wrote {replies.Count} replies for {requests.Count} requests");
        for (var i = 0; i < asking.Count; i++)
        {
            if (replies[i].Error is { } error)
            {
                asking[i].Stop = new DecayStop(turn, error);
                settled += plan.Turns - turn + 1;
                continue;
            }
            settled++;
            var text = replies[i].Text;
            asking[i].Turns.Add(new DecayTurn(turn, questions[i], text, Judge(plan.CheckFor(questions[i]), text)));
            asking[i].History.Add(new SuiteTurn("user", questions[i]));
            asking[i].History.Add(new SuiteTurn("assistant", text));
        }
        return settled;
    }

    // A check is documented not to throw on a reply; one that does anyway fails the turn rather than the run.
    static CheckResult Judge(ICheck check, string reply)
    {
        try
        {
            return check.Check(reply);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Failed(check.Kind, check.Name, e.Message);
        }
    }

    sealed class Conversation(int index)
    {
        public int Index { get; } = index;
        public List<SuiteTurn> History { get; } = [];
        public List<DecayTurn> Turns { get; } = [];
        public DecayStop? Stop { get; set; }

        public DecayConversation ToRecord() => new(Index, [.. Turns], Stop);
    }
}
