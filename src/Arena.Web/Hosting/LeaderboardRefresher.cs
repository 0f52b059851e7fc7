using Arena.Core.Battles;
using Arena.Web.Battles;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hosting;

/// <summary>
/// Keeps the stored leaderboard current. After a vote on this replica it waits until votes pause for
/// <see cref="LeaderboardRefreshOptions.Debounce"/> (at most <see cref="LeaderboardRefreshOptions.MaxDelay"/>) and
/// recomputes; every <see cref="LeaderboardRefreshOptions.PollInterval"/> it also recomputes if the store holds a
/// vote newer than the snapshot (cast on another replica, or before a restart). Replicas may compute the same
/// snapshot twice; the result is the same (seeded bootstrap), so that is only wasted work.
/// </summary>
public sealed class LeaderboardRefresher(IServiceScopeFactory scopes, LeaderboardSignal signal,
    IOptions<BattleWebOptions> options, ILogger<LeaderboardRefresher> logger) : BackgroundService
{
    private LeaderboardRefreshOptions Options => options.Value.Leaderboard;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        await Run(RecomputeIfStale, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await Signalled(Options.PollInterval, stoppingToken))
            {
                var deadline = DateTime.UtcNow + Options.MaxDelay;
                while (DateTime.UtcNow < deadline && await Signalled(Options.Debounce, stoppingToken)) { }
                await Run(Recompute, stoppingToken);
            }
            else await Run(RecomputeIfStale, stoppingToken);
        }
    }

    /// <summary>True if a vote was signalled within <paramref name="timeout"/>.</summary>
    private async Task<bool> Signalled(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try { return await signal.Reader.ReadAsync(wait.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return false; }
    }

    private async Task RecomputeIfStale(ILeaderboardService board, CancellationToken ct)
    {
        var latest = await board.LatestVoteAt(ct);
        var current = await board.Current(ct);
        if (latest is not null && (current?.LastVoteAt is null || current.LastVoteAt < latest)) await Recompute(board, ct);
    }

    private async Task Recompute(ILeaderboardService board, CancellationToken ct)
    {
        var snapshot = await board.Recompute(ct);
        logger.LogInformation("Leaderboard recomputed: {Models} models from {Votes} votes in {Seconds:0.000} s",
            snapshot.Rows.Count, snapshot.Votes, snapshot.ComputeSeconds);
    }

    private async Task Run(Func<ILeaderboardService, CancellationToken, Task> step, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await step(scope.ServiceProvider.GetRequiredService<ILeaderboardService>(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            // The database may be briefly away; the next signal or poll tries again.
            logger.LogWarning(e, "Leaderboard recomputation failed");
        }
    }
}
