using Arena.Evaluation.Running;
using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Decay;

/// <summary>
/// Adherence by turn under one condition. A conversation that stopped (its history outgrew the context) counts up
/// to the turn before, so later points stand on fewer conversations and the curve ends at the last turn any reached.
/// </summary>
public sealed record DecayCurve(Condition Condition, int Turns, IReadOnlyList<DecayConversation> Conversations)
{
    /// <summary>One point per turn some conversation reached; n is the number that reached it.</summary>
    public IReadOnlyList<DecayPoint> Points =>
        Enumerable.Range(1, Fitted).Select(t =>
        {
            var reached = Conversations.Where(c => c.Reached >= t).ToList();
            return new DecayPoint(t, Wilson.Rate(reached.Count(c => c.Turns[t - 1].Passed), reached.Count));
        }).ToList();

    /// <summary>The last turn any conversation reached.</summary>
    public int Fitted => Conversations.Count == 0 ? 0 : Conversations.Max(c => c.Reached);

    /// <summary>The last turn every conversation reached.</summary>
    public int FittedByAll => Conversations.Count == 0 ? 0 : Conversations.Min(c => c.Reached);

    /// <summary>Every conversation either ran all its turns or stopped with a reason; false after a cancellation.</summary>
    public bool Complete => Conversations.All(c => c.Reached == Turns || c.Stop is not null);

    /// <summary>
    /// How many conversations stopped at each turn, with the first one's reason (reasons differ only in their token
    /// counts when the context is the cause; each conversation keeps its own).
    /// </summary>
    public IReadOnlyList<(int Turn, int Count, string Reason)> Stops =>
        Conversations.Where(c => c.Stop is not null).GroupBy(c => c.Stop!.Turn)
            .OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.First().Stop!.Reason)).ToList();
}
