using System.Diagnostics;
using System.Threading.Channels;
using Arena.Contracts.Bakes;
using Arena.Engine.Baking;
using MassTransit;

namespace Arena.Worker.Bakes;

/// <summary>
/// Turns the Baker's synchronous progress callbacks into throttled BakeJobProgress messages. The callback only
/// queues; one pump publishes in order, so the engine never waits on the bus and progress never overtakes the
/// final event (the consumer awaits <see cref="Complete"/> before publishing it).
/// </summary>
public sealed class BakeProgressPublisher
{
    readonly Guid jobId;
    readonly int attempt;
    readonly ProgressThrottle throttle = new(ProgressThrottle.DefaultInterval);
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly Channel<BakeJobProgress> queue = Channel.CreateUnbounded<BakeJobProgress>(new UnboundedChannelOptions { SingleReader = true });
    readonly Task pump;

    public BakeProgressPublisher(IPublishEndpoint bus, Guid jobId, int attempt)
    {
        this.jobId = jobId;
        this.attempt = attempt;
        pump = Task.Run(async () =>
        {
            await foreach (var p in queue.Reader.ReadAllAsync())
            {
                try
                {
                    await bus.Publish(p);
                }
                catch (Exception)
                {
                    // Progress is best effort: a lost report must not fail the bake; the next one supersedes it.
                }
            }
        });
    }

    public void Report(BakeProgress p)
    {
        if (!throttle.ShouldSend(p, clock.Elapsed)) return;
        queue.Writer.TryWrite(new BakeJobProgress(jobId, PhaseName(p.Phase), p.Step, p.TotalSteps, Finite(p.Kl),
            Finite(p.TokensPerSecond) ?? 0, Finite(p.Remaining?.TotalSeconds), p.Message, DateTimeOffset.UtcNow, attempt));
    }

    /// <summary>Publishes what is queued; call before the job's final event.</summary>
    public Task Complete()
    {
        queue.Writer.TryComplete();
        return pump;
    }

    /// <summary>The contract's phase names; the teacher pass is part of training as the user sees it.</summary>
    public static string PhaseName(BakePhase phase) => phase switch
    {
        BakePhase.Queries => "queries",
        BakePhase.Sampling => "sampling",
        BakePhase.Teacher or BakePhase.Training => "training",
        BakePhase.Validating => "validating",
        BakePhase.Evaluating => "evaluating",
        _ => "done",
    };

    /// <summary>JSON has no NaN or infinity; an unknown number is better sent as null.</summary>
    static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
