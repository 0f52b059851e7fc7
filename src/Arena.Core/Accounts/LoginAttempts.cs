namespace Arena.Core.Accounts;

/// <summary>
/// Recent sign-in attempts of one key ("name:ALICE" or "addr:&lt;address hash&gt;"), a Marten document so every web
/// replica counts the same attempts. An attempt is counted when it starts (so a burst of parallel guesses cannot
/// slip in before the first failure is written) and given back if it succeeds.
/// </summary>
public sealed class LoginAttempts
{
    public required string Id { get; set; }
    /// <summary>Attempts not given back (failed, or still being checked).</summary>
    public int Failures { get; set; }
    public DateTimeOffset LastAttempt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Counts an attempt, false (and nothing counted) while locked. The attempt that reaches
    /// <paramref name="limit"/> locks the key for the first lockout, each one after it (once the lock has passed)
    /// for twice as long as the one before.</summary>
    public bool TryBegin(int limit, AccountLimits limits, DateTimeOffset now)
    {
        if (IsLocked(now)) return false;
        if (now - LastAttempt > limits.ForgetAfter)
        {
            Failures = 0;
            LockedUntil = null;
        }
        Failures++;
        LastAttempt = now;
        if (Failures >= limit) LockedUntil = now + Lockout(Failures - limit, limits);
        return true;
    }

    /// <summary>Gives back one attempt that succeeded (lifting the lock it may have set).</summary>
    public void GiveBack(int limit)
    {
        Failures = Math.Max(0, Failures - 1);
        if (Failures < limit) LockedUntil = null;
    }

    public static TimeSpan Lockout(int beyondLimit, AccountLimits limits)
    {
        var doubled = limits.FirstLockout * Math.Pow(2, Math.Clamp(beyondLimit, 0, 30));
        return doubled < limits.MaxLockout ? doubled : limits.MaxLockout;
    }
}
