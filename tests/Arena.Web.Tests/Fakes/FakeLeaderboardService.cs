using Arena.Core.Battles;
using Arena.Core.Ratings;

namespace Arena.Web.Tests.Fakes;

public sealed class FakeLeaderboardService : ILeaderboardService
{
    public LeaderboardSnapshot? Snapshot { get; set; }

    public Task<LeaderboardSnapshot?> Current(CancellationToken ct = default) => Task.FromResult(Snapshot);
    public Task<DateTimeOffset?> LatestVoteAt(CancellationToken ct = default) => Task.FromResult(Snapshot?.LastVoteAt);
    public Task<LeaderboardSnapshot> Recompute(CancellationToken ct = default) => Task.FromResult(Snapshot ?? LeaderboardSnapshot.Empty(DateTimeOffset.UtcNow));
    public Task<IReadOnlyList<Battle>> RatedBattles(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Battle>>([]);
}
