using System.Diagnostics;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Battles;

/// <summary>
/// Votes (the BattleView snapshots of voted battles) → the pure <see cref="Leaderboard"/> → a stored
/// <see cref="LeaderboardSnapshot"/>. Models are keyed by id in the computation (names are not unique) and named
/// only in the stored rows. One short session per call (see ModelCatalog).
/// </summary>
public sealed class LeaderboardService(IDocumentStore store, IOptions<BattleOptions> options, TimeProvider clock) : ILeaderboardService
{
    BattleOptions Options => options.Value;

    public async Task<LeaderboardSnapshot?> Current(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<LeaderboardSnapshot>(LeaderboardSnapshot.CurrentId, ct);
    }

    public async Task<DateTimeOffset?> LatestVoteAt(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var latest = await session.Query<BattleView>().Where(v => v.Winner != null).OrderByDescending(v => v.VotedAt).Take(1).ToListAsync(ct);
        return latest.Count == 0 ? null : latest[0].VotedAt;
    }

    public async Task<LeaderboardSnapshot> Recompute(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using var session = store.LightweightSession();
        var votes = await Voted(session).ToListAsync(ct);
        var blind = votes.Where(v => !v.IdentityLeak).ToList();
        var snapshot = LeaderboardSnapshot.Empty(clock.GetUtcNow());
        snapshot.ExcludedLeaks = votes.Count - blind.Count;
        snapshot.LastVoteAt = votes.Count == 0 ? null : votes[^1].VotedAt;
        snapshot.ProvisionalBelow = Options.ProvisionalBelow;
        snapshot.BootstrapRounds = Options.BootstrapRounds;

        if (blind.Count > 0)
        {
            var leaderboardOptions = new LeaderboardOptions
            {
                BootstrapRounds = Options.BootstrapRounds, Seed = Options.BootstrapSeed, Parallel = Options.ParallelBootstrap,
            };
            var table = Leaderboard.Compute(ToBattles(blind), snapshot.ComputedAt, leaderboardOptions);
            var ratings = table.Models.ToDictionary(r => Guid.Parse(r.Model), r => r.Rating);
            var outliers = OutlierJudges.Find(blind, ratings, leaderboardOptions.Scale, Options.OutlierMinVotes, Options.OutlierZ);
            if (outliers.Count > 0)
            {
                var kept = blind.Where(v => !outliers.Contains(v.JudgeKey)).ToList();
                snapshot.ExcludedOutlierVotes = blind.Count - kept.Count;
                snapshot.ExcludedJudges = outliers.Count;
                snapshot.ExcludedJudgeKeys = [.. outliers.Order()];
                blind = kept;
                table = blind.Count > 0 ? Leaderboard.Compute(ToBattles(blind), snapshot.ComputedAt, leaderboardOptions) : null;
            }
            if (table is not null) await Fill(snapshot, table, session, ct);
        }
        snapshot.Votes = blind.Count;
        snapshot.ComputeSeconds = watch.Elapsed.TotalSeconds;
        session.Store(snapshot);
        await session.SaveChangesAsync(ct);
        return snapshot;
    }

    public async Task<IReadOnlyList<Battle>> RatedBattles(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var excluded = (await session.LoadAsync<LeaderboardSnapshot>(LeaderboardSnapshot.CurrentId, ct))?.ExcludedJudgeKeys.ToHashSet() ?? [];
        // Filtered here, not in SQL: Marten mis-translates a Where placed after the Select projection.
        var votes = (await Voted(session).ToListAsync(ct))
            .Where(v => !v.IdentityLeak && !excluded.Contains(v.JudgeKey)).ToList();
        var ids = votes.SelectMany(v => new[] { v.ModelAId, v.ModelBId }).Distinct().ToArray();
        var names = ExportNames.For(await session.LoadManyAsync<ArenaModel>(ct, ids));
        string Name(Guid id) => names.GetValueOrDefault(id) ?? $"removed #{id.ToString("N")[..8]}";
        return votes.Select(v => new Battle(Name(v.ModelAId), Name(v.ModelBId), v.Winner!.Value, Timestamp(v))).ToList();
    }

    /// <summary>Every voted battle, oldest vote first (online Elo depends on the order).</summary>
    static IQueryable<CastVote> Voted(IQuerySession session) =>
        session.Query<BattleView>().Where(v => v.Winner != null).OrderBy(v => v.VotedAt).Select(v => new CastVote
        {
            BattleId = v.Id, JudgeKey = v.JudgeKey, ModelAId = v.ModelAId, ModelBId = v.ModelBId,
            Winner = v.Winner, VotedAt = v.VotedAt, IdentityLeak = v.IdentityLeak,
        });

    static List<Battle> ToBattles(IEnumerable<CastVote> votes) =>
        votes.Select(v => new Battle(v.ModelAId.ToString("N"), v.ModelBId.ToString("N"), v.Winner!.Value, Timestamp(v))).ToList();

    static double Timestamp(CastVote v) => (v.VotedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds() / 1000.0;

    async Task Fill(LeaderboardSnapshot snapshot, RatingTable table, IQuerySession session, CancellationToken ct)
    {
        var ids = table.Models.Select(r => Guid.Parse(r.Model)).ToList();
        var models = (await session.LoadManyAsync<ArenaModel>(ct, ids)).ToDictionary(m => m.Id);
        var parentIds = models.Values.Where(m => m.ParentId is not null).Select(m => m.ParentId!.Value).Distinct().ToArray();
        var parents = (await session.LoadManyAsync<ArenaModel>(ct, parentIds)).ToDictionary(m => m.Id, m => m.Name);
        snapshot.Rows = table.Models.Select(r =>
        {
            var id = Guid.Parse(r.Model);
            var m = models.GetValueOrDefault(id);
            var parentName = m?.ParentId is { } p ? parents.GetValueOrDefault(p) : null;
            return new LeaderboardRow(id, m?.Name ?? "(removed model)", m?.OwnerName ?? "", m?.ParentId, parentName,
                m?.BaseModel ?? "", r.Rank, r.Rating, r.CiLow, r.CiHigh, r.Elo, r.Battles, r.WinRate,
                r.Battles < Options.ProvisionalBelow);
        }).ToList();
        snapshot.MatrixModelIds = table.WinFractions.Models.Select(Guid.Parse).ToList();
        snapshot.WinFractions = table.WinFractions.Values;
        snapshot.BattleCounts = table.BattleCounts.Values;
    }
}
