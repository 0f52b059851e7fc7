using Arena.Core.Bakes;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hosting;

/// <summary>
/// Runs <see cref="BakeRecovery"/> for this replica: once at start-up on the single-process platform (in-memory bus,
/// worker in-process), where a restart lost every queued and running bake with the process, and then every
/// <see cref="BakeRecoveryOptions.CheckInterval"/> for running bakes whose lease ran out. With RabbitMQ a restart of
/// the web app loses nothing (the broker holds the queue, the workers keep running), so only the leases count there.
/// Evaluation jobs lost in a single-process restart are failed with the reason (they are quick to run again).
/// Several replicas may check at once; each job is recovered once (see <see cref="BakeRecovery"/>).
/// </summary>
public sealed class BakeRecoveryService(IServiceScopeFactory scopes, IOptions<ArenaOptions> arena,
    IOptions<BakeRecoveryOptions> options, ILogger<BakeRecoveryService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();   // let the host (and the bus) finish starting
        var restartDone = arena.Value.Bus != BusKind.InMemory
                          || await Run((r, ct) => r.RecoverAfterRestart(ct), "after the restart", stoppingToken);
        if (arena.Value.Bus == BusKind.InMemory) await FailLostEvaluations(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Until it succeeds once: a queued job has no lease to run out.
                if (!restartDone) restartDone = await Run((r, ct) => r.RecoverAfterRestart(ct), "after the restart", stoppingToken);
                await Run((r, ct) => r.RecoverExpired(ct), "whose lease ran out", stoppingToken);
                await FailExpiredEvaluations(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Evaluations that were queued or running in the process that stopped are failed with the reason.</summary>
    async Task FailLostEvaluations(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var failed = await scope.ServiceProvider.GetRequiredService<Arena.Core.Evaluations.IEvaluationJournal>()
                .FailOpen("the platform restarted while this evaluation ran; run it again", DateTimeOffset.UtcNow, ct);
            if (failed > 0) log.LogWarning("Failed {Count} evaluation job(s) lost in the restart", failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not fail the evaluations lost in the restart");
        }
    }

    /// <summary>Evaluations whose worker went silent for a lease are failed with the reason (cheap to run again).</summary>
    async Task FailExpiredEvaluations(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var failed = await scope.ServiceProvider.GetRequiredService<Arena.Core.Evaluations.IEvaluationJournal>()
                .FailExpired(options.Value.Lease, DateTimeOffset.UtcNow, ct);
            if (failed > 0) log.LogWarning("Failed {Count} evaluation job(s) whose worker was lost", failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not look for lost evaluations");
        }
    }

    /// <returns>Whether the step ran to the end.</returns>
    async Task<bool> Run(Func<BakeRecovery, CancellationToken, Task<int>> step, string which, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var recovered = await step(scope.ServiceProvider.GetRequiredService<BakeRecovery>(), ct);
            if (recovered > 0) log.LogWarning("Recovered {Count} bake job(s) {Which}", recovered, which);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return false; }
        catch (Exception e)
        {
            // The database may be briefly away; the next check tries again.
            log.LogWarning(e, "Bake recovery {Which} failed", which);
            return false;
        }
    }
}
