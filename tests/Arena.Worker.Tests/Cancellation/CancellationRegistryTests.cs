using Arena.Worker.Cancellation;

namespace Arena.Worker.Tests.Cancellation;

public sealed class CancellationRegistryTests
{
    [Fact]
    public void CancelStopsARunningJob()
    {
        var registry = new BakeCancellations();
        var id = Guid.NewGuid();
        using var job = registry.Register(id)!;

        Assert.True(registry.Cancel(id));
        Assert.True(job.Token.IsCancellationRequested);
    }

    [Fact]
    public void JobCancelledBeforeItStartsIsNotRegistered()
    {
        var registry = new BakeCancellations();
        var id = Guid.NewGuid();

        Assert.False(registry.Cancel(id));
        Assert.Null(registry.Register(id));
    }

    [Fact]
    public void JobCancelledWhileRunningIsNotStartedAgain()
    {
        var registry = new ReplyCancellations();
        var id = Guid.NewGuid();
        using (registry.Register(id)!) registry.Cancel(id);

        Assert.False(registry.IsRunning(id));
        Assert.Null(registry.Register(id));
    }

    [Fact]
    public void FinishedJobCanBeRegisteredAgain()
    {
        var registry = new BakeCancellations();
        var id = Guid.NewGuid();
        registry.Register(id)!.Dispose();

        using var again = registry.Register(id);

        Assert.NotNull(again);
    }

    [Fact]
    public void EarlyCancelsAreRememberedBoundedly()
    {
        var registry = new BakeCancellations();
        var first = Guid.NewGuid();
        registry.Cancel(first);
        for (int i = 0; i < 5000; i++) registry.Cancel(Guid.NewGuid());

        using var job = registry.Register(first);

        Assert.NotNull(job);   // forgotten: the oldest remembered cancels make room for new ones
    }
}
