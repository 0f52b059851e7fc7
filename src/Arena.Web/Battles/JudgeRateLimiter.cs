using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Arena.Web.Battles;

/// <summary>
/// Rate limits for battles started and votes cast from the Blazor circuit, where no HTTP request passes the
/// ASP.NET Core rate-limiting middleware. Same partitions and windows as the API's policy
/// (<see cref="BattleRateLimiting.Partition"/>) and the same numbers; the two keep separate counters.
/// </summary>
public sealed class JudgeRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Judge> _starts;
    private readonly PartitionedRateLimiter<Judge> _votes;

    public JudgeRateLimiter(IOptions<BattleWebOptions> options)
    {
        var o = options.Value.RateLimits;
        _starts = Create(o.StartsPerMinute, o.AnonymousStartsPerMinute);
        _votes = Create(o.VotesPerMinute, o.AnonymousVotesPerMinute);
    }

    public bool TryStart(Judge judge) => Acquire(_starts, judge);
    public bool TryVote(Judge judge) => Acquire(_votes, judge);

    private static bool Acquire(PartitionedRateLimiter<Judge> limiter, Judge judge)
    {
        using var lease = limiter.AttemptAcquire(judge);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<Judge> Create(int signedIn, int anonymous) =>
        PartitionedRateLimiter.Create<Judge, string>(j => BattleRateLimiting.Partition(j, signedIn, anonymous));

    public void Dispose()
    {
        _starts.Dispose();
        _votes.Dispose();
    }
}
