using Arena.Core.Bakes;

namespace Arena.Core.Evaluations;

/// <summary>
/// A suite run on one model as a job on the workers: who asked, what (suite, conditions, prompt, limit, seed), how
/// far it is, and the scores as Arena.Evaluation's RunJson wrote them. Its lifecycle is a bake's
/// (<see cref="BakeStatus"/>: queued, running, then completed, failed or cancelled, never reopened).
/// </summary>
public sealed class EvaluationJob
{
    public Guid Id { get; set; }
    public Guid ModelId { get; set; }
    public string ModelName { get; set; } = "";
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The built-in suite's label ("instructions@1"), or an uploaded suite's name.</summary>
    public string Suite { get; set; } = "";
    /// <summary>The uploaded suite run, if it is one (null for built-in suites).</summary>
    public Guid? SuiteId { get; set; }
    /// <summary>Run with a private uploaded suite: then the job, whose replies and ids come from that suite, is its
    /// owner's alone, whoever else may see the model.</summary>
    public bool SuitePrivate { get; set; }
    public List<string> Conditions { get; set; } = [];
    public string? Prompt { get; set; }
    public int? Limit { get; set; }
    public int Seed { get; set; }
    public int MaxNewTokens { get; set; }
    public BakeStatus Status { get; set; } = BakeStatus.Queued;
    public int Done { get; set; }
    public int Total { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>The last word from the worker running it (start, progress, heartbeat): its lease.</summary>
    public DateTimeOffset? LeaseRenewedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The scores (RunJson); for a cancelled job, the scores so far, marked incomplete.</summary>
    public string? ResultJson { get; set; }
    public string? FailureReason { get; set; }

    public double Fraction => Status == BakeStatus.Completed ? 1 : Total == 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
