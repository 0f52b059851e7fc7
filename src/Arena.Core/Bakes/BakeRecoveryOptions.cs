namespace Arena.Core.Bakes;

/// <summary>When a bake's worker counts as lost, and what then (configuration section Arena:Bakes:Recovery).
/// See <see cref="BakeRecovery"/> and docs/web.md, "Crash recovery".</summary>
public sealed class BakeRecoveryOptions
{
    public const string Section = "Arena:Bakes:Recovery";

    /// <summary>A running job whose worker has said nothing (no start, progress or heartbeat) for this long has lost
    /// its worker. Workers send a heartbeat every 10 s (Arena:Worker:HeartbeatInterval), so a minute allows for a
    /// few lost ones and a busy database without taking a slow worker for a dead one.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each web replica looks for expired leases.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many runs a job gets: after its worker was lost this many times while running it, the job fails
    /// instead of going back to the queue. A bake that kills its worker (out of memory, say) would otherwise take
    /// every worker down in turn, for ever.</summary>
    public int MaxAttempts { get; set; } = 3;

    public string? Problem() =>
        Lease <= TimeSpan.Zero || CheckInterval <= TimeSpan.Zero ? "Lease and CheckInterval must be positive"
        : CheckInterval >= Lease ? "CheckInterval must be shorter than Lease"
        : MaxAttempts < 1 ? "MaxAttempts must be at least 1"
        : null;
}
