using Arena.Core.Accounts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Arena.Core.Tests.Storage;

/// <summary>The sign-in throttle on the real PostgreSQL, with a clock the test moves.</summary>
public sealed class LoginThrottleTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    private readonly SteppedClock _clock = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly AccountLimits Limits = new()
    {
        FailuresPerName = 3, FailuresPerAddress = 5, FirstLockout = TimeSpan.FromMinutes(1), MaxLockout = TimeSpan.FromMinutes(10),
    };

    private LoginThrottle Throttle() => new(db.Services.GetRequiredService<IDocumentStore>(), Options.Create(Limits), _clock);

    private static string Address() => "test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ANameIsLockedAtItsLimitForLongerAfterEachFurtherFailure()
    {
        var throttle = Throttle();
        for (var i = 0; i < 3; i++) Assert.Null(await throttle.Begin("lock_me", Address()));

        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.Begin("lock_me", Address()));
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(await throttle.Begin("lock_me", Address()));
        Assert.Equal(TimeSpan.FromMinutes(2), await throttle.Begin("LOCK_ME", Address()));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await throttle.Begin("lock_me", Address()));
        Assert.Equal(TimeSpan.FromMinutes(4), await throttle.Begin("lock_me", Address()));
    }

    [Fact]
    public async Task AnAddressIsLockedWhateverNamesItTries()
    {
        var throttle = Throttle();
        var address = Address();
        for (var i = 0; i < 5; i++) Assert.Null(await throttle.Begin($"name_{i}", address));

        Assert.NotNull(await throttle.Begin("fresh_name", address));
        Assert.NotNull(await throttle.Begin(null, address));
        Assert.Null(await throttle.Begin("fresh_name", Address()));
    }

    [Fact]
    public async Task SuccessClearsTheNameAndGivesTheAddressItsAttemptBack()
    {
        var throttle = Throttle();
        var address = Address();
        for (var i = 0; i < 2; i++) Assert.Null(await throttle.Begin("forgetful", address));
        Assert.Null(await throttle.Begin("forgetful", address));
        await throttle.Succeeded("forgetful", address);

        // The name starts from zero: three more attempts before its lock.
        for (var i = 0; i < 2; i++) Assert.Null(await throttle.Begin("forgetful", Address()));
        // The address kept its two failures (and got the successful attempt back): three more reach its limit of 5.
        for (var i = 0; i < 3; i++) Assert.Null(await throttle.Begin($"other_{i}", address));
        Assert.NotNull(await throttle.Begin("other_3", address));
    }

    [Fact]
    public async Task ParallelAttemptsFromSeveralReplicasAreAllCounted()
    {
        var address = Address();
        // Separate throttles stand for separate web replicas; all write to the same documents.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Throttle().Begin("raced", address))));

        Assert.Equal(3, results.Count(r => r is null));
        await using var session = db.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(3, (await session.LoadAsync<LoginAttempts>(LoginThrottle.NameKey("raced")))!.Failures);
    }

    [Fact]
    public async Task AttemptsAreForgottenAfterAQuietDay()
    {
        var throttle = Throttle();
        for (var i = 0; i < 2; i++) Assert.Null(await throttle.Begin("sleepy", Address()));
        _clock.Advance(Limits.ForgetAfter + TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++) Assert.Null(await throttle.Begin("sleepy", Address()));
        Assert.NotNull(await throttle.Begin("sleepy", Address()));
    }

    [Fact]
    public void LockoutsDoubleUpToTheMaximum()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), LoginAttempts.Lockout(0, Limits));
        Assert.Equal(TimeSpan.FromMinutes(8), LoginAttempts.Lockout(3, Limits));
        Assert.Equal(TimeSpan.FromMinutes(10), LoginAttempts.Lockout(4, Limits));
        Assert.Equal(TimeSpan.FromMinutes(10), LoginAttempts.Lockout(1000, Limits));
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;
        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
