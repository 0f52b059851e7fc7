using Arena.Contracts.Bakes;
using Arena.Core.Models;

namespace Arena.Core.Bakes;

/// <summary>One point of the job page's KL curve (training KL per step, validation KL per epoch).</summary>
public sealed record KlPoint(string Phase, int Step, int TotalSteps, double Kl);

/// <summary>
/// The current state of a bake job, folded from its event stream (a Marten inline snapshot, so it is updated in the
/// same transaction as the events). Events after a terminal one are ignored: a late progress message from a worker
/// cannot revive a cancelled job.
/// </summary>
public sealed class BakeJob
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public Guid ParentModelId { get; set; }
    public string ModelName { get; set; } = "";
    public string Description { get; set; } = "";
    public Visibility Visibility { get; set; }
    public BakeRecipe Settings { get; set; } = new() { Prompt = "" };
    public string Preset { get; set; } = BakePresets.Custom;
    public BakeStatus Status { get; set; }
    public string Phase { get; set; } = "queued";
    public int Step { get; set; }
    public int TotalSteps { get; set; }
    public double? Kl { get; set; }
    public double TokensPerSecond { get; set; }
    public double? EtaSeconds { get; set; }
    public string? Message { get; set; }
    public List<KlPoint> KlCurve { get; set; } = [];
    public string? Worker { get; set; }
    public Guid? ResultModelId { get; set; }
    public double? KlBefore { get; set; }
    public double? KlAfter { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Which run of the job is current (1, then one more per re-queue); only its worker's reports count.
    /// Jobs stored before attempts existed read as 1.</summary>
    public int Attempt { get; set; } = 1;
    /// <summary>How many times the job's worker was lost while it ran (see <see cref="BakeRecovery"/>).</summary>
    public int Interruptions { get; set; }
    /// <summary>When the current run's worker last said it still holds the job (start, progress or heartbeat).</summary>
    public DateTimeOffset? LeaseRenewedAt { get; set; }

    public double Fraction => TotalSteps == 0 ? (Status == BakeStatus.Completed ? 1 : 0) : Math.Clamp((double)Step / TotalSteps, 0, 1);

    /// <summary>The speeds the estimate was made with at request (null: the benchmark's).</summary>
    public BakeSpeeds? Speeds { get; set; }
    /// <summary>Share of the whole job done, its phases weighted by their expected cost (<see cref="BakeCost"/>);
    /// it never moves back, so the bar does not restart at each phase.</summary>
    public double OverallFraction { get; set; }
    /// <summary>The quick evaluation after the bake (see <see cref="Arena.Contracts.Bakes.BakeReportCard"/>), once completed.</summary>
    public Arena.Contracts.Bakes.BakeReportCard? ReportCard { get; set; }
    /// <summary>Seconds left in the whole job, not just the current phase; null until there is something to go on.</summary>
    public double? OverallEtaSeconds { get; set; }
    /// <summary>What the worker measured, once completed: what calibrates the next bakes' estimates.</summary>
    public double? MeasuredSamplingTokensPerSecond { get; set; }
    public double? MeasuredTrainingTokensPerSecond { get; set; }

    /// <summary>The job's expected cost per phase (a method, so it is not stored with the projection).</summary>
    public BakeCost CostEstimate() => BakeCost.Of(Settings, Speeds ?? BakeSpeeds.Benchmark);

    public static BakeJob Create(BakeRequested e) => new()
    {
        Id = e.JobId,
        UserId = e.UserId,
        UserName = e.UserName,
        ParentModelId = e.ParentModelId,
        ModelName = e.ModelName,
        Description = e.Description,
        Visibility = e.Visibility,
        Settings = e.Settings,
        Preset = e.Preset ?? BakePresets.Custom,
        Status = BakeStatus.Queued,
        RequestedAt = e.At,
        Speeds = e.Speeds,
    };

    public void Apply(BakeStarted e)
    {
        if (Status.IsFinished()) return;
        Status = BakeStatus.Running;
        Worker = e.Worker;
        StartedAt ??= e.At;
        Phase = "starting";
        OverallEtaSeconds ??= CostEstimate().TotalSeconds;
        Renew(e.At);
    }

    public void Apply(BakeProgressed e)
    {
        if (Status.IsFinished()) return;
        Status = BakeStatus.Running;
        Phase = e.Phase;
        Step = e.Step;
        TotalSteps = e.TotalSteps;
        TokensPerSecond = e.TokensPerSecond;
        EtaSeconds = e.EtaSeconds;
        Message = e.Message;
        Renew(e.At);
        if (e.Kl is { } kl && double.IsFinite(kl))
        {
            Kl = kl;
            // "done" repeats the best KL as step 1 of 1: a point of no step, which labelled the curve's end "1".
            if (e.Phase != "done") KlCurve.Add(new KlPoint(e.Phase, e.Step, e.TotalSteps, kl));
        }
        var cost = CostEstimate();
        if (cost.FractionAt(e.Phase, e.Step, e.TotalSteps) is { } f) OverallFraction = Math.Max(OverallFraction, f);
        if (cost.RemainingSeconds(e.Phase, e.Step, e.TotalSteps, e.EtaSeconds) is { } left) OverallEtaSeconds = left;
    }

    public void Apply(BakeCompleted e)
    {
        if (Status.IsFinished()) return;
        Status = BakeStatus.Completed;
        Phase = "done";
        Step = TotalSteps;
        ResultModelId = e.ModelId;
        KlBefore = e.KlBefore;
        KlAfter = e.KlAfter;
        ReportCard = e.ReportCard;
        Message = null;   // the last phase's note ("report card") says nothing once the job is done
        EtaSeconds = 0;
        OverallFraction = 1;
        OverallEtaSeconds = 0;
        // The live copy on a job page hears no speeds (0): only the stored event calibrates.
        if (e.SamplingTokensPerSecond > 0 && e.TrainingTokensPerSecond > 0)
            (MeasuredSamplingTokensPerSecond, MeasuredTrainingTokensPerSecond) = (e.SamplingTokensPerSecond, e.TrainingTokensPerSecond);
        FinishedAt = e.At;
    }

    public void Apply(BakeFailed e)
    {
        if (Status.IsFinished()) return;
        Status = BakeStatus.Failed;
        Phase = "failed";
        FailureReason = e.Reason;
        FinishedAt = e.At;
    }

    public void Apply(BakeLeaseRenewed e)
    {
        if (Status.IsFinished()) return;
        Renew(e.At);
    }

    /// <summary>Back to the queue with nothing of the lost run's progress: the next run starts from scratch.</summary>
    public void Apply(BakeRequeued e)
    {
        if (Status.IsFinished()) return;
        Status = BakeStatus.Queued;
        Phase = "queued";
        Attempt = e.Attempt;
        if (e.Interrupted) Interruptions++;
        Message = e.Reason;
        Worker = null;
        Step = TotalSteps = 0;
        Kl = null;
        TokensPerSecond = 0;
        EtaSeconds = null;
        OverallFraction = 0;        // the new run starts from nothing: the bar may go back, once, with the reason shown
        OverallEtaSeconds = null;
        KlCurve = [];
        StartedAt = null;
        LeaseRenewedAt = null;
    }

    void Renew(DateTimeOffset at)
    {
        if (LeaseRenewedAt is null || at > LeaseRenewedAt) LeaseRenewedAt = at;
    }

    public void Apply(BakeCancelled e)
    {
        if (Status.IsFinished()) return;
        Status = BakeStatus.Cancelled;
        Phase = "cancelled";
        FinishedAt = e.At;
    }
}
