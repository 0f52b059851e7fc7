using System.Diagnostics;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Battles;

/// <summary>
/// Votes (the BattleView snapshots of voted battles) → the pure <see cref="Leaderboard"/> → a stored
/// <see cref="LeaderboardSnapshot"/>. Models are numbered by id for the computation (<see cref="NumberedVotes"/>:
/// names are not unique) and read back by number. One short session per call (see ModelCatalog).
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
            var numbered = NumberedVotes.From(blind);
            var models = (await session.LoadManyAsync<ArenaModel>(ct, numbered.Models)).ToDictionary(m => m.Id);
            var name = Names(models.Values);
            // The judges are screened with the ratings alone: the bootstrap is only wanted for the table.
            var ratings = Leaderboard.Ratings(numbered.Battles(name), leaderboardOptions);
            var outliers = OutlierJudges.Find(numbered, ratings, leaderboardOptions.Scale, Options.OutlierMinVotes, Options.OutlierZ);
            if (outliers.Count > 0)
            {
                var kept = blind.Where(v => !outliers.Contains(v.JudgeKey)).ToList();
                snapshot.ExcludedOutlierVotes = blind.Count - kept.Count;
                snapshot.ExcludedJudges = outliers.Count;
                snapshot.ExcludedJudgeKeys = [.. outliers.Order()];
                blind = kept;
                numbered = NumberedVotes.From(kept);
            }
            if (blind.Count > 0)
            {
                var table = Leaderboard.Compute(numbered.Battles(name), snapshot.ComputedAt, leaderboardOptions);
                await Fill(snapshot, table, numbered.Models, models, session, ct);
            }
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
        var name = Names(await session.LoadManyAsync<ArenaModel>(ct, ids));
        return votes.Select(v => new Battle(name(v.ModelAId), name(v.ModelBId), v.Winner!.Value, v.Timestamp)).ToList();
    }

    /// <summary>A model's name in the export and in the rating code's output (<see cref="ExportNames"/>); a model no
    /// longer stored is "removed #1a2b3c4d".</summary>
    static Func<Guid, string> Names(IEnumerable<ArenaModel> models)
    {
        var names = ExportNames.For(models);
        return id => names.GetValueOrDefault(id) ?? $"removed #{id.ToString("N")[..8]}";
    }

    /// <summary>Every voted battle, oldest vote first (online Elo depends on the order).</summary>
    static IQueryable<CastVote> Voted(IQuerySession session) =>
        session.Query<BattleView>().Where(v => v.Winner != null).OrderBy(v => v.VotedAt).Select(v => new CastVote
        {
            BattleId = v.Id, JudgeKey = v.JudgeKey, ModelAId = v.ModelAId, ModelBId = v.ModelBId,
            Winner = v.Winner, VotedAt = v.VotedAt, IdentityLeak = v.IdentityLeak,
        });

    /// <summary>The table's rows and matrices, by model number: <paramref name="ids"/> maps a number to its model.</summary>
    async Task Fill(LeaderboardSnapshot snapshot, RatingTable table, IReadOnlyList<Guid> ids,
        IReadOnlyDictionary<Guid, ArenaModel> models, IQuerySession session, CancellationToken ct)
    {
        var parentIds = ids.Select(id => models.GetValueOrDefault(id)?.ParentId).OfType<Guid>().Distinct().ToArray();
        // A private parent's name is nobody else's business (the board is public).
        var parents = (await session.LoadManyAsync<ArenaModel>(ct, parentIds))
            .Where(m => m.Visibility != Visibility.Private).ToDictionary(m => m.Id, m => m.Name);
        snapshot.Rows = table.Models.Select(r =>
        {
            var id = ids[r.Index];
            var m = models.GetValueOrDefault(id);
            var parentName = m?.ParentId is { } p ? parents.GetValueOrDefault(p) : null;
            return new LeaderboardRow(id, m?.Name ?? "(removed model)", m?.OwnerName ?? "", m?.ParentId, parentName,
                m?.BaseModel ?? "", r.Rank, r.Rating, r.CiLow, r.CiHigh, r.Elo, r.Battles, r.WinRate,
                r.Battles < Options.ProvisionalBelow, m?.House ?? false);
        }).ToList();
        snapshot.MatrixModelIds = [.. ids];
        snapshot.WinFractions = table.WinFractions.Values;
        snapshot.BattleCounts = table.BattleCounts.Values;
    }
}
