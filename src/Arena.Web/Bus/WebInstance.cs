namespace Arena.Web.Bus;

/// <summary>This replica's identity on the bus: names its own temporary endpoints, so every replica hears every job
/// update and reply chunk (a shared queue would hand each message to one replica only).</summary>
public sealed class WebInstance
{
    public string Id { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}".ToLowerInvariant();
}
