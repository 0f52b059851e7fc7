namespace Arena.Core.Evaluations;

/// <summary>What one user's evaluation may ask of a shared worker (configuration section Arena:Evaluations:Limits).</summary>
public sealed class EvaluationLimits
{
    public const string Section = "Arena:Evaluations:Limits";

    /// <summary>Evaluations a user may have queued or running at once.</summary>
    public int ConcurrentPerUser { get; set; } = 2;
    /// <summary>Items per run (every item is a reply under each condition).</summary>
    public int MaxItems { get; set; } = 200;
    /// <summary>Reply length in tokens.</summary>
    public int MaxNewTokens { get; set; } = 256;
}
