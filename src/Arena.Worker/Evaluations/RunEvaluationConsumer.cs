using Arena.Contracts.Evaluations;
using Arena.Engine;
using Arena.Engine.Checkpoints;
using Arena.Engine.Evaluation;
using Arena.Engine.Generation;
using Arena.Engine.Tokenization;
using Arena.Evaluation;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;
using Arena.Worker.Cancellation;
using Arena.Worker.Hosting;
using Arena.Worker.Models;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Arena.Worker.Evaluations;

/// <summary>
/// Runs a suite on a model and reports it: Started, throttled Progress, then one of Succeeded, Failed or Cancelled
/// (with the scores so far). The model is loaded fresh, never from the chat cache: the run switches its adapters on
/// and off. Every outcome is published rather than thrown, so the bus does not retry a run that would fail again.
/// </summary>
public sealed class RunEvaluationConsumer(ModelSpecLoader loader, EvaluationCancellations cancellations,
    Microsoft.Extensions.Options.IOptions<WorkerOptions> options, ILogger<RunEvaluationConsumer> log)
    : IConsumer<RunEvaluation>
{
    static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    public async Task Consume(ConsumeContext<RunEvaluation> context)
    {
        var m = context.Message;
        using var registration = cancellations.Register(m.JobId);
        if (registration is null)
        {
            await context.Publish(new EvaluationJobCancelled(m.JobId, null, DateTimeOffset.UtcNow));
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(registration.Token, context.CancellationToken);
        await context.Publish(new EvaluationJobStarted(m.JobId, DateTimeOffset.UtcNow));
        object outcome;
        var heartbeat = new Heartbeat(context, () => new EvaluationJobHeartbeat(m.JobId, DateTimeOffset.UtcNow), options.Value.HeartbeatInterval);
        try
        {
            var run = await Task.Run(() => Run(context, stop.Token), stop.Token);
            var json = RunJson.Write(run).ToJsonString();
            outcome = registration.IsCancellationRequested
                ? new EvaluationJobCancelled(m.JobId, json, DateTimeOffset.UtcNow)
                : new EvaluationJobSucceeded(m.JobId, json, DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (registration.IsCancellationRequested)
        {
            outcome = new EvaluationJobCancelled(m.JobId, null, DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await heartbeat.DisposeAsync();
            throw;   // the bus is stopping: leave the message to be delivered again
        }
        catch (Exception e) when (e is SuiteException or ArgumentException or CheckpointException or TokenizerException or InvalidRequestException)
        {
            outcome = new EvaluationJobFailed(m.JobId, FailureReason.For(e), DateTimeOffset.UtcNow);
        }
        catch (Exception e)
        {
            log.LogError(e, "Evaluation {JobId} failed unexpectedly", m.JobId);
            outcome = new EvaluationJobFailed(m.JobId, FailureReason.For(e), DateTimeOffset.UtcNow);
        }
        await heartbeat.DisposeAsync();   // no heartbeat after the final report
        await context.Publish(outcome, outcome.GetType());
    }

    async Task<EvaluationRun> Run(ConsumeContext<RunEvaluation> context, CancellationToken ct)
    {
        var m = context.Message;
        var suite = (m.SuiteText is { } text
            ? SuiteReader.Read(m.Suite, text, StarterRules.Instance)
            : BuiltInSuites.Read(BuiltInSuites.Find(m.Suite) ?? throw new SuiteException($"unknown suite '{m.Suite}'"), StarterRules.Instance)).Take(m.Limit);
        var conditions = Condition.Parse(string.Join(',', m.Conditions), m.Prompt is not null);
        using var stack = loader.Load(m.Model);
        var sampling = SamplingOptions.GreedyDecoding(m.MaxNewTokens) with { Seed = m.Seed };
        var settings = new EvaluationSettings(m.Seed, m.MaxNewTokens, 0, EngineVersion.Current);
        var last = DateTime.MinValue;
        var progress = new InlineProgress<EvaluationProgress>(p =>
        {
            // At most one report a second (and the last): a fast suite must not flood the bus.
            if (p.Done < p.Total && DateTime.UtcNow - last < ProgressEvery) return;
            last = DateTime.UtcNow;
            context.Publish(new EvaluationJobProgress(m.JobId, p.Done, p.Total, DateTimeOffset.UtcNow)).GetAwaiter().GetResult();
        });
        return await new SuiteRunner(new ModelReplySource(stack, sampling)).RunAsync(suite, conditions, m.Prompt, settings, progress, ct);
    }
}
