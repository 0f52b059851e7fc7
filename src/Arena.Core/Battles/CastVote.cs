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
}
