namespace Arena.Core.Accounts;

/// <summary>The configuration section "Arena:Accounts": every sign-in and session limit, in one place.</summary>
public sealed class AccountLimits
{
    public const string Section = "Arena:Accounts";

    /// <summary>Sign-in attempts one user name may fail before it is locked for <see cref="FirstLockout"/>.</summary>
    public int FailuresPerName { get; set; } = 5;
    /// <summary>Sign-in attempts one client address may fail (whatever names it tries) before it is locked.</summary>
    public int FailuresPerAddress { get; set; } = 20;
    /// <summary>The first lockout; each further failure after a lockout doubles it, up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);
    /// <summary>A name or address with no attempt for this long starts again from zero failures.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);
    /// <summary>How long one web process trusts a session's security stamp before reading the account again. A
    /// sign-out on this process takes effect at once; on another replica within this time.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
