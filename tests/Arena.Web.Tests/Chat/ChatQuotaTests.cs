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

    private static ChatQuota Quota(int perUser = 2, int perAddress = 2) => new(Options.Create(new ArenaOptions
    {
        Chat = { MaxConcurrentStreamsPerUser = perUser, MaxConcurrentStreamsPerAddress = perAddress },
    }));

    [Fact]
    public void GrantsUpToTheLimitThenRefusesWithAClearMessage()
    {
        var quota = Quota(perAddress: 2);
        using var a = quota.Acquire(Address("h1", "tab1"));
        using var b = quota.Acquire(Address("h1", "tab2"));   // another tab, same address: same key

        var e = Assert.Throws<DomainException>(() => quota.Acquire(Address("h1", "tab3")));
        Assert.Equal(DomainError.QuotaExceeded, e.Error);
        Assert.Equal("You have 2 replies streaming; wait for one to finish, then try again.", e.Message);
    }

    [Fact]
    public void ReleasingALeaseFreesASlotOnce()
    {
        var quota = Quota(perAddress: 1);
        var lease = quota.Acquire(Address("h1"));
        Assert.Throws<DomainException>(() => quota.Acquire(Address("h1")));

        lease.Dispose();
        lease.Dispose();   // twice is harmless: it does not free a second slot
        Assert.Equal(0, quota.Streaming("ip:h1"));
        using var again = quota.Acquire(Address("h1"));
        Assert.Throws<DomainException>(() => quota.Acquire(Address("h1")));
    }

    [Fact]
    public void SeparateKeysAreIndependentAndSignedInUsersCountByAccount()
    {
        var quota = Quota(perUser: 1, perAddress: 1);
        using var anonymous = quota.Acquire(Address("address-shared"));
        using var other = quota.Acquire(Address("h2"));
        using var alice = quota.Acquire(Alice("tab1"));   // same address as the anonymous stream, but her own key

        Assert.Throws<DomainException>(() => quota.Acquire(Alice("tab2")));
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
}
