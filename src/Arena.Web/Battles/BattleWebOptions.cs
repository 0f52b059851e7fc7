namespace Arena.Web.Battles;

/// <summary>The web side of the battles section (<see cref="Arena.Core.Battles.BattleOptions.Section"/>, where Core's
/// BattleOptions holds the domain side).</summary>
public sealed class BattleWebOptions
{
    /// <summary>Salt of the client-address hash stored with battles and sign-in throttles. Empty (the default): the
    /// installation's own random salt, made on first start and kept in PostgreSQL (<see cref="AddressSaltSetup"/>).</summary>
    public string AddressSalt { get; set; } = "";
    public RateLimitOptions RateLimits { get; set; } = new();
    public LeaderboardRefreshOptions Leaderboard { get; set; } = new();
}

/// <summary>Per-minute budgets (fixed windows). Signed-in judges are limited per user, anonymous ones per address:
/// an address is shared by everyone behind one NAT, hence smaller numbers that still allow a person to play.</summary>
public sealed class RateLimitOptions
{
    public int StartsPerMinute { get; set; } = 20;
    public int VotesPerMinute { get; set; } = 30;
    public int AnonymousStartsPerMinute { get; set; } = 6;
    public int AnonymousVotesPerMinute { get; set; } = 10;
}

public sealed class LeaderboardRefreshOptions
{
    /// <summary>Recompute once no new vote has arrived for this long (votes come in bursts)…</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>…but at least this often while votes keep coming.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Also look for votes cast on other replicas this often.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
