using Arena.Engine.Tokenization;
using Arena.Contracts.Bakes;
using Arena.Engine.Baking;
using Arena.Engine.Checkpoints;
using Arena.Worker.Cancellation;
using Arena.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Bakes;

/// <summary>
/// Runs a bake and reports it: Started, throttled Progress, then exactly one of Succeeded, Failed or Cancelled.
/// Every outcome is published rather than thrown: a failed bake would fail the same way again, so the bus must
/// not retry it. Redelivery after a crash finds the finished adapter on disk and reports it without re-baking.
/// While the bake runs, a heartbeat renews the job's lease in the web app. Every report names the run
/// (<see cref="RunBake.Attempt"/>) it belongs to, so reports from a run the web app has replaced are ignored there.
/// </summary>
public sealed class RunBakeConsumer(BakeRunner runner, WorkerPaths paths, BakeCancellations cancellations,
    IOptions<WorkerOptions> options, ILogger<RunBakeConsumer> log) : IConsumer<RunBake>
{
    public async Task Consume(ConsumeContext<RunBake> context)
    {
        var bake = context.Message;
        string outputDir;
        try
        {
            outputDir = paths.Artifact(bake.OutputPath);
        }
        catch (InvalidRequestException e)
        {
            await Fail(context, e.Message);
            return;
        }

        if (AdapterFolder.IsComplete(outputDir) && AdapterFolder.ReadSummary(outputDir) is { } saved)
        {
            log.LogInformation("Bake {JobId} already done in {Output}; reporting it again", bake.JobId, bake.OutputPath);
            await context.Publish(Succeeded(bake, saved));
            return;
        }
        if (AdapterFolder.IsOccupied(outputDir))
        {
            await Fail(context, $"the output path '{bake.OutputPath}' already holds something that is not a finished adapter");
            return;
        }

        using var registration = cancellations.Register(bake.JobId);
        if (registration is null)
        {
            await context.Publish(new BakeJobCancelled(bake.JobId, DateTimeOffset.UtcNow, bake.Attempt));
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(registration.Token, context.CancellationToken);

        await context.Publish(new BakeJobStarted(bake.JobId, options.Value.WorkerName, DateTimeOffset.UtcNow, bake.Attempt));
        log.LogInformation("Bake {JobId} run {Attempt} started on {Base} with {Adapters} adapter(s)", bake.JobId, bake.Attempt, bake.Parent.BaseModel, bake.Parent.Adapters.Count);
        await using var heartbeat = new Heartbeat(context,
            () => new BakeJobHeartbeat(bake.JobId, options.Value.WorkerName, DateTimeOffset.UtcNow, bake.Attempt), options.Value.HeartbeatInterval);
        var progress = new BakeProgressPublisher(context, bake.JobId, bake.Attempt);
        object outcome;
        try
        {
            // Off the receive pipeline's thread: loading and training are long synchronous stretches.
            var summary = await Task.Run(() => runner.Run(bake, outputDir, progress.Report, stop.Token), stop.Token);
            outcome = Succeeded(bake, summary);
            log.LogInformation("Bake {JobId} done: KL {Before} → {After} in {Seconds:F1} s", bake.JobId, summary.KlBefore, summary.KlAfter, summary.Seconds);
        }
        catch (OperationCanceledException) when (registration.IsCancellationRequested)
        {
            log.LogInformation("Bake {JobId} cancelled", bake.JobId);
            outcome = new BakeJobCancelled(bake.JobId, DateTimeOffset.UtcNow, bake.Attempt);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The bus is stopping, not the user cancelling: leave the message to be delivered again.
            await progress.Complete();
            throw;
        }
        catch (Exception e) when (e is ArgumentException or BakeException or CheckpointException or TokenizerException or InvalidRequestException)
        {
            log.LogInformation("Bake {JobId} failed: {Reason}", bake.JobId, FailureReason.For(e));
            outcome = new BakeJobFailed(bake.JobId, FailureReason.For(e), DateTimeOffset.UtcNow, bake.Attempt);
        }
        catch (Exception e)
        {
            log.LogError(e, "Bake {JobId} failed unexpectedly", bake.JobId);
            outcome = new BakeJobFailed(bake.JobId, FailureReason.For(e), DateTimeOffset.UtcNow, bake.Attempt);
        }
        await progress.Complete();
        await heartbeat.DisposeAsync();   // no heartbeat after the final report
        await context.Publish(outcome, outcome.GetType());
    }

    static BakeJobSucceeded Succeeded(RunBake bake, BakeSummary s) => new(bake.JobId, bake.OutputPath, s.KlBefore, s.KlAfter,
        s.Seconds, s.SamplingTokensPerSecond, s.TrainingTokensPerSecond, DateTimeOffset.UtcNow, bake.Attempt, s.ReportCard);

    static Task Fail(ConsumeContext<RunBake> context, string reason) =>
        context.Publish(new BakeJobFailed(context.Message.JobId, reason, DateTimeOffset.UtcNow, context.Message.Attempt));
}
