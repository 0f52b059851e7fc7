using Arena.Contracts.Bakes;
using Arena.Core.Bakes;

namespace Arena.Web.Bus;

public enum JobUpdateKind { Started, Progress, Completed, Failed, Cancelled }

/// <summary>
/// What a job page needs to know about one worker report, flat so it travels over SignalR as plain JSON.
/// <see cref="ApplyTo"/> folds it into a page's copy of the job through the same <see cref="BakeJob"/> Apply methods
/// as the event-stream projection, so the live view and a reload agree.
/// </summary>
public sealed record JobUpdate(
    Guid JobId,
    JobUpdateKind Kind,
    DateTimeOffset At,
    string? Phase = null,
    int Step = 0,
    int TotalSteps = 0,
    double? Kl = null,
    double TokensPerSecond = 0,
    double? EtaSeconds = null,
    string? Message = null,
    Guid? ResultModelId = null,
    string? AdapterPath = null,
    double? KlBefore = null,
    double? KlAfter = null,
    double? Seconds = null,
    string? FailureReason = null)
{
    /// <remarks>Without the worker's name (its host and process id): job pages and /hubs/jobs are public.</remarks>
    public static JobUpdate From(BakeJobStarted m) => new(m.JobId, JobUpdateKind.Started, m.At);

    public static JobUpdate From(BakeJobProgress m) => new(m.JobId, JobUpdateKind.Progress, m.At, Phase: m.Phase,
        Step: m.Step, TotalSteps: m.TotalSteps, Kl: m.Kl, TokensPerSecond: m.TokensPerSecond, EtaSeconds: m.EtaSeconds,
        Message: m.Message);

    public static JobUpdate From(BakeJobSucceeded m, Guid? modelId) => new(m.JobId, JobUpdateKind.Completed, m.At,
        ResultModelId: modelId, AdapterPath: m.AdapterPath, KlBefore: m.KlBefore, KlAfter: m.KlAfter, Seconds: m.Seconds);

    public static JobUpdate From(BakeJobFailed m) => new(m.JobId, JobUpdateKind.Failed, m.At, FailureReason: m.Reason);

    public static JobUpdate From(BakeJobCancelled m) => new(m.JobId, JobUpdateKind.Cancelled, m.At);

    public bool IsTerminal => Kind is JobUpdateKind.Completed or JobUpdateKind.Failed or JobUpdateKind.Cancelled;

    /// <summary>Folds this update into <paramref name="job"/>. A repeated progress report (same phase and step, as
    /// after a redelivery) changes nothing, and nothing changes a finished job.</summary>
    public void ApplyTo(BakeJob job)
    {
        if (job.Id != JobId) return;
        switch (Kind)
        {
            case JobUpdateKind.Started:
                job.Apply(new BakeStarted("", At));
                break;
            case JobUpdateKind.Progress:
                if (job.Status == BakeStatus.Running && job.Phase == Phase && job.Step == Step && job.TotalSteps == TotalSteps) return;
                job.Apply(new BakeProgressed(Phase ?? "", Step, TotalSteps, Kl, TokensPerSecond, EtaSeconds, Message, At));
                break;
            case JobUpdateKind.Completed:
                job.Apply(new BakeCompleted(ResultModelId ?? Guid.Empty, AdapterPath ?? "", KlBefore ?? double.NaN,
                    KlAfter ?? double.NaN, Seconds ?? 0, 0, 0, At));
                if (ResultModelId is null) job.ResultModelId = null;
                break;
            case JobUpdateKind.Failed:
                job.Apply(new BakeFailed(FailureReason ?? "the bake failed", At));
                break;
            case JobUpdateKind.Cancelled:
                job.Apply(new BakeCancelled("", At));
                break;
        }
    }
}
