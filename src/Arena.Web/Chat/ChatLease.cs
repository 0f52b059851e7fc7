namespace Arena.Web.Chat;

/// <summary>One stream's hold on its <see cref="ChatQuota"/>: a slot and a reservation of its max tokens. Say what the
/// reply used (<see cref="Used"/>) before disposing; without it the whole reservation is charged.</summary>
public sealed class ChatLease : IDisposable
{
    private readonly ChatQuota _quota;
    private readonly string _key;
    private readonly int _reserved;
    private int? _used;
    private int _released;

    internal ChatLease(ChatQuota quota, string key, int reserved) => (_quota, _key, _reserved) = (quota, key, reserved);

    /// <summary>The tokens the reply generated (the worker's count on its last chunk).</summary>
    public void Used(int tokens) => _used = Math.Clamp(tokens, 0, _reserved);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _quota.Release(_key, _reserved, _used ?? _reserved);
    }
}
