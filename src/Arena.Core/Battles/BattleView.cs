using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>
/// The state of one battle, folded from its event stream (a Marten inline snapshot, written in the same transaction
/// as its events). It holds the models' ids: only the server reads it; the UI gets <see cref="BattleReveal"/> and
/// only after the vote.
/// </summary>
public sealed class BattleView
{
    public Guid Id { get; set; }
    public string JudgeKey { get; set; } = "";
    public Guid? JudgeUserId { get; set; }
    public string IpHash { get; set; } = "";
    public Guid ModelAId { get; set; }
    public Guid ModelBId { get; set; }
    public List<BattleTurn> Turns { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public Winner? Winner { get; set; }
    public DateTimeOffset? VotedAt { get; set; }
    public bool IdentityLeak { get; set; }

    public bool IsVoted => Winner is not null;
    /// <summary>The latest prompt has no recorded replies yet.</summary>
    public bool IsStreaming => Turns.Count > 0 && !Turns[^1].Answered;

    public static BattleView Create(BattleCreated e) => new()
    {
        Id = e.BattleId, JudgeKey = e.JudgeKey, JudgeUserId = e.JudgeUserId, IpHash = e.IpHash,
        ModelAId = e.ModelAId, ModelBId = e.ModelBId, Turns = [new BattleTurn(e.Prompt)], CreatedAt = e.At,
    };

    public void Apply(TurnAdded e) => Turns.Add(new BattleTurn(e.Prompt));

    public void Apply(RepliesRecorded e) => Turns[^1] = Turns[^1] with { ReplyA = e.ReplyA, ReplyB = e.ReplyB };

    public void Apply(Voted e) => (Winner, IdentityLeak, VotedAt) = (e.Winner, e.IdentityLeak, e.At);
}
