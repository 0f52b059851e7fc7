using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>The stored leaderboard and the votes behind it.</summary>
public interface ILeaderboardService
{
    /// <summary>The latest snapshot, or null before the first computation.</summary>
    Task<LeaderboardSnapshot?> Current(CancellationToken ct = default);

    /// <summary>When the newest vote was cast (null: none yet); the refresher compares it with the snapshot's.</summary>
    Task<DateTimeOffset?> LatestVoteAt(CancellationToken ct = default);

    /// <summary>Reads every vote, leaves out identity leaks and outlier judges, computes and stores a new snapshot.</summary>
    Task<LeaderboardSnapshot> Recompute(CancellationToken ct = default);

    /// <summary>The votes the ratings use, oldest first, as clean battles (for the export).</summary>
    Task<IReadOnlyList<Battle>> RatedBattles(CancellationToken ct = default);
}
