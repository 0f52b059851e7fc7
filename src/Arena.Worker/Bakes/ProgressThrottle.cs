using Arena.Engine.Baking;

namespace Arena.Worker.Bakes;

/// <summary>
/// Decides which engine progress reports go on the bus: at most one per <see cref="MinInterval"/>, but always a
/// phase change and a phase's last step, so the browser never misses where the bake is.
/// </summary>
public sealed class ProgressThrottle(TimeSpan minInterval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    BakePhase? lastPhase;
    TimeSpan lastSent = TimeSpan.MinValue;

    public TimeSpan MinInterval { get; } = minInterval;

    /// <summary><paramref name="now"/> is a monotonic clock reading (e.g. a stopwatch's elapsed time).</summary>
    public bool ShouldSend(BakeProgress p, TimeSpan now)
    {
        var send = p.Phase != lastPhase || p.Step >= p.TotalSteps || p.Phase == BakePhase.Done
                   || lastSent == TimeSpan.MinValue || now - lastSent >= MinInterval;
        if (!send) return false;
        lastPhase = p.Phase;
        lastSent = now;
        return true;
    }
}
