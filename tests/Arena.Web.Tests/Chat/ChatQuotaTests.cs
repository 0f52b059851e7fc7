using Arena.Core;
using Arena.Web.Battles;
using Arena.Web.Chat;
using Arena.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Arena.Web.Tests.Chat;

public sealed class ChatQuotaTests
{
    private static readonly Guid AliceId = Guid.NewGuid();
    private static Judge Alice(string tab) => new(Viewer.User(AliceId, "alice"), "u" + tab, "address-shared");
    private static Judge Address(string ipHash, string tab = "t") => new(Viewer.Anonymous, tab, ipHash);

    private readonly ManualClock _clock = new();

    private ChatQuota Quota(int perUser = 2, int perAddress = 2, int tokensPerUser = 8192, int tokensPerAddress = 4096) =>
        new(Options.Create(new ArenaOptions
        {
            Chat =
            {
                MaxConcurrentStreamsPerUser = perUser, MaxConcurrentStreamsPerAddress = perAddress,
                MaxTokensPerMinutePerUser = tokensPerUser, MaxTokensPerMinutePerAddress = tokensPerAddress,
            },
        }), _clock);

    [Fact]
    public void GrantsUpToTheLimitThenRefusesWithAClearMessage()
    {
        var quota = Quota(perAddress: 2);
        using var a = quota.Acquire(Address("h1", "tab1"), 128);
        using var b = quota.Acquire(Address("h1", "tab2"), 128);   // another tab, same address: same key

        var e = Assert.Throws<DomainException>(() => quota.Acquire(Address("h1", "tab3"), 128));
        Assert.Equal(DomainError.QuotaExceeded, e.Error);
        Assert.Equal("You have 2 replies streaming; wait for one to finish, then try again.", e.Message);
    }

    [Fact]
    public void ReleasingALeaseFreesASlotOnce()
    {
        var quota = Quota(perAddress: 1);
        var lease = quota.Acquire(Address("h1"), 128);
        Assert.Throws<DomainException>(() => quota.Acquire(Address("h1"), 128));

        lease.Dispose();
        lease.Dispose();   // twice is harmless: it does not free a second slot
        Assert.Equal(0, quota.Streaming("ip:h1"));
        using var again = quota.Acquire(Address("h1"), 128);
        Assert.Throws<DomainException>(() => quota.Acquire(Address("h1"), 128));
    }

    [Fact]
    public void SeparateKeysAreIndependentAndSignedInUsersCountByAccount()
    {
        var quota = Quota(perUser: 1, perAddress: 1);
        using var anonymous = quota.Acquire(Address("address-shared"), 128);
        using var other = quota.Acquire(Address("h2"), 128);
        using var alice = quota.Acquire(Alice("tab1"), 128);   // same address as the anonymous stream, but her own key

        Assert.Throws<DomainException>(() => quota.Acquire(Alice("tab2"), 128));
        Assert.Equal(1, quota.Streaming($"user:{AliceId:N}"));
        Assert.Equal(1, quota.Streaming("ip:address-shared"));
    }

    [Fact]
    public void KeysAreTheBattleLimitersPartitionKeys()
    {
        Assert.Equal("ip:h1", BattleRateLimiting.PartitionKey(Address("h1")));
        Assert.Equal($"user:{AliceId:N}", BattleRateLimiting.PartitionKey(Alice("x")));
        Assert.Equal(BattleRateLimiting.PartitionKey(Alice("x")), BattleRateLimiting.Partition(Alice("x"), 1, 1).PartitionKey);
    }

    [Fact]
    public void AStreamReservesItsMaxTokensAndIsChargedWhatItUsed()
    {
        var quota = Quota(perAddress: 4, tokensPerAddress: 1000);
        var first = quota.Acquire(Address("h1"), 600);
        Assert.Equal(600, quota.TokensInWindow("ip:h1"));
        // The reservation counts while the first stream runs: 600 + 500 would overshoot.
        var e = Assert.Throws<DomainException>(() => quota.Acquire(Address("h1"), 500));
        Assert.Equal(DomainError.QuotaExceeded, e.Error);
        Assert.Contains("You have used 600 of your 1000 tokens this minute", e.Message);

        first.Used(120);
        first.Dispose();
        Assert.Equal(120, quota.TokensInWindow("ip:h1"));
        using var second = quota.Acquire(Address("h1"), 500);
    }

    [Fact]
    public void AStreamThatNeverSaysWhatItUsedIsChargedItsReservation()
    {
        var quota = Quota(tokensPerAddress: 1000);
        quota.Acquire(Address("h1"), 700).Dispose();   // stopped or failed: no count from the worker
        Assert.Equal(700, quota.TokensInWindow("ip:h1"));
        Assert.Throws<DomainException>(() => quota.Acquire(Address("h1"), 400));
    }

    [Fact]
    public void ChargesLeaveTheWindowAfterAMinuteAndTheRefusalSaysWhen()
    {
        var quota = Quota(tokensPerAddress: 1000);
        var lease = quota.Acquire(Address("h1"), 900);
        lease.Used(900);
        lease.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(45));

        var e = Assert.Throws<DomainException>(() => quota.Acquire(Address("h1"), 200));
        Assert.Contains("try again in 15 s", e.Message);

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(0, quota.TokensInWindow("ip:h1"));
        using var again = quota.Acquire(Address("h1"), 200);
    }

    [Fact]
    public void AskingForMoreThanAMinutesBudgetIsRefusedOutright()
    {
        var quota = Quota(tokensPerUser: 2000, tokensPerAddress: 500);
        var e = Assert.Throws<DomainException>(() => quota.Acquire(Address("h1"), 1024));
        Assert.Contains("at most 500 tokens a minute", e.Message);
        using var alice = quota.Acquire(Alice("t"), 1024);   // signed in: the larger budget
        Assert.Equal(0, quota.TokensInWindow("ip:h1"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
