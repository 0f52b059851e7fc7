using Arena.Engine.Baking;
using Arena.Worker.Bakes;

namespace Arena.Worker.Tests.Bakes;

public sealed class ProgressThrottleTests
{
    static BakeProgress At(BakePhase phase, int step, int total = 100) => new(phase, step, total, null, 0, TimeSpan.Zero, null);

    static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void ReportsCloserThanTheIntervalAreDropped()
    {
        var throttle = new ProgressThrottle(Ms(250));

        Assert.True(throttle.ShouldSend(At(BakePhase.Training, 1), Ms(0)));
        Assert.False(throttle.ShouldSend(At(BakePhase.Training, 2), Ms(100)));
        Assert.False(throttle.ShouldSend(At(BakePhase.Training, 3), Ms(249)));
        Assert.True(throttle.ShouldSend(At(BakePhase.Training, 4), Ms(250)));
    }

    [Fact]
    public void PhaseChangesAndLastStepsAlwaysPass()
    {
        var throttle = new ProgressThrottle(Ms(250));

        Assert.True(throttle.ShouldSend(At(BakePhase.Sampling, 1, 2), Ms(0)));
        Assert.True(throttle.ShouldSend(At(BakePhase.Sampling, 2, 2), Ms(1)));
        Assert.True(throttle.ShouldSend(At(BakePhase.Training, 1), Ms(2)));
        Assert.False(throttle.ShouldSend(At(BakePhase.Training, 2), Ms(3)));
        Assert.True(throttle.ShouldSend(At(BakePhase.Training, 100), Ms(4)));
        Assert.True(throttle.ShouldSend(At(BakePhase.Done, 1, 1), Ms(5)));
    }

    [Fact]
    public void ManyStepsInASecondGiveAboutFourReports()
    {
        var throttle = new ProgressThrottle(ProgressThrottle.DefaultInterval);

        var sent = Enumerable.Range(1, 1000).Count(i => throttle.ShouldSend(At(BakePhase.Training, i, 10_000), Ms(i)));

        Assert.InRange(sent, 4, 5);
    }
}
