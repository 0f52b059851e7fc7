using Arena.Core;
using Arena.Web.Battles;
using Arena.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Arena.Web.Chat;

/// <summary>
/// What one person may ask of the workers: at most a few replies streaming at once, and at most so many tokens a
/// minute. Keyed like the battle limits (<see cref="BattleRateLimiting.PartitionKey"/>: the account when signed in,
/// the hashed address otherwise), limits in <see cref="ChatOptions"/>. Every entry point that streams a reply (the
/// panel, battles, the hub) goes through <see cref="ChatService"/>, which takes a lease before asking a worker.
/// </summary>
/// <remarks>
/// A stream reserves its whole max tokens when it starts (so parallel asks cannot overshoot the budget) and is
/// charged what it generated when it ends, or the whole reservation when that is unknown (stopped or failed). The
/// minute slides: each charge leaves the window a minute after it was made.
/// Counted in memory, per replica: with N replicas behind a balancer one key may get up to N times the limits.
/// That bounds the damage (32 anonymous streams from one address) without a shared store.
/// </remarks>
public sealed class ChatQuota(IOptions<ArenaOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Usage> _usage = [];
    private readonly Lock _lock = new();
    private int _acquired;

    /// <summary>Replies streaming now under <paramref name="key"/> (for tests and diagnostics).</summary>
    public int Streaming(string key)
    {
        lock (_lock) return _usage.GetValueOrDefault(key)?.Streaming ?? 0;
    }

    /// <summary>Tokens charged or reserved under <paramref name="key"/> in the last minute.</summary>
    public int TokensInWindow(string key)
    {
        lock (_lock) return _usage.TryGetValue(key, out var u) ? u.Tokens(clock.GetUtcNow() - Window) : 0;
    }

    /// <summary>A lease for one more stream of up to <paramref name="maxTokens"/>, or a <see cref="DomainException"/>
    /// (QuotaExceeded) saying which limit was met. Dispose the lease when the stream is over (twice is harmless).</summary>
    public ChatLease Acquire(Judge requester, int maxTokens)
    {
        var key = BattleRateLimiting.PartitionKey(requester);
        var o = options.Value.Chat;
        var anonymous = requester.Viewer.UserId is null;
        var streams = Math.Max(1, anonymous ? o.MaxConcurrentStreamsPerAddress : o.MaxConcurrentStreamsPerUser);
        var budget = Math.Max(1, anonymous ? o.MaxTokensPerMinutePerAddress : o.MaxTokensPerMinutePerUser);
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (++_acquired % 1024 == 0) Sweep(now);
            var usage = _usage.TryGetValue(key, out var u) ? u : _usage[key] = new Usage();
            if (usage.Streaming >= streams)
                throw new DomainException(DomainError.QuotaExceeded,
                    $"You have {usage.Streaming} {(usage.Streaming == 1 ? "reply" : "replies")} streaming; wait for one to finish, then try again.");
            if (maxTokens > budget)
                throw new DomainException(DomainError.QuotaExceeded,
                    $"A reply may use at most {budget} tokens a minute here; ask for fewer than {maxTokens} max tokens.");
            var used = usage.Tokens(now - Window);
            if (used + maxTokens > budget)
                throw new DomainException(DomainError.QuotaExceeded,
                    $"You have used {used} of your {budget} tokens this minute; try again in {usage.SecondsUntilFree(used + maxTokens - budget, now)} s or ask for fewer max tokens.");
            usage.Streaming++;
            usage.Reserved += maxTokens;
        }
        return new ChatLease(this, key, maxTokens);
    }

    internal void Release(string key, int reserved, int charged)
    {
        lock (_lock)
        {
            if (!_usage.TryGetValue(key, out var usage)) return;
            usage.Streaming--;
            usage.Reserved -= reserved;
            usage.Charges.Enqueue((clock.GetUtcNow(), charged));
        }
    }

    /// <summary>Forgets keys with nothing streaming and nothing charged within the window (bounded memory).</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, usage) in _usage.ToList())
        {
            usage.Tokens(now - Window);
            if (usage.Streaming == 0 && usage.Charges.Count == 0) _usage.Remove(key);
        }
    }

    private sealed class Usage
    {
        public int Streaming;
        public int Reserved;
        public readonly Queue<(DateTimeOffset At, int Tokens)> Charges = new();

        /// <summary>Charges since <paramref name="since"/> plus what running streams reserved (drops older charges).</summary>
        public int Tokens(DateTimeOffset since)
        {
            while (Charges.TryPeek(out var c) && c.At <= since) Charges.Dequeue();
            return Reserved + Charges.Sum(c => c.Tokens);
        }

        /// <summary>Whole seconds until <paramref name="excess"/> tokens of charges have left the window.</summary>
        public int SecondsUntilFree(int excess, DateTimeOffset now)
        {
            var freed = 0;
            foreach (var (at, tokens) in Charges)
            {
                freed += tokens;
                if (freed >= excess) return Math.Max(1, (int)Math.Ceiling((at + Window - now).TotalSeconds));
            }
            return (int)Window.TotalSeconds;  // held by running streams: at most about a minute
        }
    }
}
