using Arena.Core;
using Arena.Web.Battles;
using Arena.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Arena.Web.Chat;

/// <summary>
/// How many replies one person may have streaming at once: a lease per stream, keyed like the battle limits
/// (<see cref="BattleRateLimiting.PartitionKey"/>: the account when signed in, the hashed address otherwise), limits in
/// <see cref="ChatOptions"/>. Every entry point that streams a reply goes through <see cref="ChatService"/>, which
/// takes the lease before asking a worker and returns it when the stream ends, fails or is cancelled.
/// </summary>
/// <remarks>Counted in memory, per replica: with N replicas behind a balancer one key may hold up to N times the
/// limit. That bounds the damage (32 anonymous streams from one address) without a shared store.</remarks>
public sealed class ChatQuota(IOptions<ArenaOptions> options)
{
    private readonly Dictionary<string, int> _streaming = [];
    private readonly Lock _lock = new();

    /// <summary>Replies streaming now under <paramref name="key"/> (for tests and diagnostics).</summary>
    public int Streaming(string key)
    {
        lock (_lock) return _streaming.GetValueOrDefault(key);
    }

    /// <summary>A lease for one more stream, or a <see cref="DomainException"/> (QuotaExceeded) at the limit.
    /// Dispose the lease when the stream is over (disposing twice is harmless).</summary>
    public IDisposable Acquire(Judge requester)
    {
        var key = BattleRateLimiting.PartitionKey(requester);
        var o = options.Value.Chat;
        var limit = Math.Max(1, requester.Viewer.UserId is null ? o.MaxConcurrentStreamsPerAddress : o.MaxConcurrentStreamsPerUser);
        lock (_lock)
        {
            var now = _streaming.GetValueOrDefault(key);
            if (now >= limit)
                throw new DomainException(DomainError.QuotaExceeded,
                    $"You have {now} {(now == 1 ? "reply" : "replies")} streaming; wait for one to finish, then try again.");
            _streaming[key] = now + 1;
        }
        return new Lease(this, key);
    }

    private void Release(string key)
    {
        lock (_lock)
        {
            var now = _streaming.GetValueOrDefault(key) - 1;
            if (now > 0) _streaming[key] = now;
            else _streaming.Remove(key);
        }
    }

    private sealed class Lease(ChatQuota quota, string key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) quota.Release(key);
        }
    }
}
