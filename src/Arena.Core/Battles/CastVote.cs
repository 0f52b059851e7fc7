using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>The few fields of a voted battle that ratings need (a Marten Select, so conversations are not loaded).</summary>
public sealed class CastVote
{
    public Guid BattleId { get; set; }
    public string JudgeKey { get; set; } = "";
    public Guid ModelAId { get; set; }
    public Guid ModelBId { get; set; }
    public Winner? Winner { get; set; }
    public DateTimeOffset? VotedAt { get; set; }
    public bool IdentityLeak { get; set; }

    /// <summary>When the vote was cast in Unix seconds (Chatbot Arena's "tstamp"), to the millisecond.</summary>
    public double Timestamp => (VotedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds() / 1000.0;
}
