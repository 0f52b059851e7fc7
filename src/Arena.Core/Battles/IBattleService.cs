using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>
/// Blind pairwise battles. Every call after <see cref="Start"/> names the judge; a battle answers only to the judge who
/// started it (others get <see cref="DomainError.Forbidden"/>, unknown ids <see cref="DomainError.NotFound"/>).
/// </summary>
/// <remarks>Voting while a battle is streaming is refused (<see cref="DomainError.Conflict"/>): a vote is about the
/// answers the judge has read in full, and the identity-leak check needs the finished replies. A stopped or failed
/// stream still records what was shown, so the judge can vote on that.</remarks>
public interface IBattleService
{
    /// <summary>Picks two different public models (weighted towards new ones), assigns sides at random and records the
    /// first prompt. Fewer than two candidates is a <see cref="DomainError.Conflict"/> with a message for the user.</summary>
    Task<StartedBattle> Start(Viewer viewer, string judgeKey, string ipHash, string prompt, BattleStartOptions? options = null, CancellationToken ct = default);

    /// <summary>Both replies to the latest prompt, once streamed.</summary>
    Task RecordReplies(Guid battleId, string judgeKey, string replyA, string replyB, CancellationToken ct = default);

    /// <summary>A follow-up prompt (multi-turn): allowed only before the vote and after the previous replies.</summary>
    Task AddTurn(Guid battleId, string judgeKey, string prompt, CancellationToken ct = default);

    /// <summary>The single vote of the battle's judge; returns both identities. Refused twice, while streaming, on
    /// someone else's battle, over the daily cap (<see cref="DomainError.QuotaExceeded"/>).</summary>
    Task<BattleReveal> Vote(Guid battleId, string judgeKey, Winner winner, CancellationToken ct = default);

    /// <summary>The reveal of an already voted battle of this judge (null before the vote).</summary>
    Task<BattleReveal?> Reveal(Guid battleId, string judgeKey, CancellationToken ct = default);
}
